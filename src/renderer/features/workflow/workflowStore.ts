// The open article's workflow state ('workflow:state') and the desk member's role, held in small stores so
// the toolbar badge, the panel and the export dialog read one copy and only they re-render when it changes.
import type { WorkflowState } from '../../../core/workflow';
import type { Role } from '../../../core/workflow';
import { call } from '../../bridge';
import { createValueStore, type ValueStore } from '../shell/valueStore';

export type WorkflowView = { state: WorkflowState | null; error: unknown };

export type WorkflowStore = ValueStore<WorkflowView> & {
  /** Loads the state again; resolves to it (null when loading failed, the error is in the store). */
  refresh: () => Promise<WorkflowState | null>;
};

export function createWorkflowStore(id: string): WorkflowStore {
  const store = createValueStore<WorkflowView>({ state: null, error: null });
  // Answers can arrive out of order (a save and a move in quick succession): only the newest request counts.
  let ticket = 0;
  return {
    ...store,
    async refresh() {
      const mine = ++ticket;
      try {
        const state = await call('workflow:state', { id });
        if (mine === ticket) store.set({ state, error: null });
        return state;
      } catch (error) {
        if (mine === ticket) store.set({ state: store.get().state, error });
        return null;
      }
    },
  };
}

export type RoleInfo = { name: string; role: Role };

/** The person at the desk and their role; set by the settings dialog, read by every workflow view. */
export const roleStore = createValueStore<RoleInfo | null>(
  null,
  (a, b) => a?.name === b?.name && a?.role === b?.role,
);

export async function loadRole(): Promise<RoleInfo> {
  const info = await call('user:getRole', {});
  roleStore.set(info);
  return info;
}
