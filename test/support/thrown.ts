/** The KubeportsError `fn` throws; any other error propagates, and not throwing fails the test. */
import { KubeportsError } from "../../components/model/errors";

export function thrown(fn: () => unknown): KubeportsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KubeportsError) return error;
    throw error;
  }
  throw new Error("expected a KubeportsError");
}
