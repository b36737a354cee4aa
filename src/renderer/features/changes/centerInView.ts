// Brings an element to the middle of the panel that scrolls it, and scrolls nothing else: the browser's own
// scrollIntoView also moves every ancestor, the whole window included, which pushes the toolbars off screen.
export function centerInView(el: Element): void {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) {
      const box = el.getBoundingClientRect();
      const frame = p.getBoundingClientRect();
      p.scrollTop += box.top - frame.top - (p.clientHeight - box.height) / 2;
      return;
    }
  }
}
