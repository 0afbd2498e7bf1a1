export { UserError } from '../domain/errors.js';
