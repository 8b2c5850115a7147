/** The chain itself aborted an upstream call: no first token in time, or the whole call ran out of time. */
export class DeadlineError extends Error {
  readonly deadline: 'first-token' | 'total';
  private readonly deadlineMarker = 'flint.deadline';

  constructor(deadline: 'first-token' | 'total', milliseconds: number) {
    super(`no ${deadline === 'first-token' ? 'first token' : 'complete answer'} within ${milliseconds} ms`);
    this.name = 'DeadlineError';
    this.deadline = deadline;
  }

  static isInstance(error: unknown): error is DeadlineError {
    return typeof error === 'object' && error !== null && (error as { deadlineMarker?: unknown }).deadlineMarker === 'flint.deadline';
  }
}
