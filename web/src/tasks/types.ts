/** A user task as GET /api/tasks answers it. */
export interface UserTask {
  key: number | string;
  state: string;
  name: string | null;
  elementId: string;
  processDefinitionId: string;
  processDefinitionVersion: number;
  processInstanceKey: number | string;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  formId: string | null;
  formKey: number | null;
  dueDate: string | null;
  followUpDate: string | null;
  creationTime: string | null;
  completionTime: string | null;
  variables: Record<string, unknown>;
}
