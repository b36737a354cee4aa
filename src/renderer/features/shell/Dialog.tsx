// A modal dialog on the native <dialog> element: focus stays inside, Escape cancels, the page behind is inert.
import { useEffect, useRef, type ReactNode } from 'react';

type Props = {
  title: string;
  onCancel: () => void;
  children: ReactNode;
  testId?: string;
};

export function Dialog({ title, onCancel, children, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 className="dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
