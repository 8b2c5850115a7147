export { createLeanGroqModel } from './lean-groq-model';
