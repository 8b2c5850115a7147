/** The follow-up Continue sends for an answer that was stopped or cut off. */
export const continueRequest = 'Please continue your previous answer from exactly where it stopped, without repeating it.';
