/** Test helper: the ImportError a call throws, so tests can look at its message and issues. */
import { ImportError } from '../../../lib/import';

export function refusalOf(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}

export async function asyncRefusalOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the input to be refused');
}
