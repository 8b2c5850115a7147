/** A file the browser could not turn into an image the models accept; `message` is for the user. */
export class ImageProblem extends Error {
  private readonly marker = 'flint.image-problem';

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'ImageProblem';
  }

  static isInstance(error: unknown): error is ImageProblem {
    return typeof error === 'object' && error !== null && (error as { marker?: unknown }).marker === 'flint.image-problem';
  }
}
