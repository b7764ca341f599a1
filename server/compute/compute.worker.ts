import { RoadNetwork } from '../routing/road-network';
import { graphOfShared, type SharedRoadGraph } from '../routing/shared-network';
import { runComputeTask, type ComputeInput, type ComputeTaskName } from './compute-tasks';

/** One task for a worker thread: the network (shared memory, not copied) and the question. */
export interface ComputeMessage<Name extends ComputeTaskName = ComputeTaskName> {
  network: SharedRoadGraph;
  name: Name;
  input: ComputeInput<Name>;
}

/** This thread's view of the network, rebuilt only when the network changes. */
let network: RoadNetwork | null = null;

/** Answers one compute task on this worker thread. */
export default function compute(message: ComputeMessage): unknown {
  if (network?.fingerprint !== message.network.fingerprint) {
    network = new RoadNetwork(graphOfShared(message.network), message.network.fingerprint);
  }
  return runComputeTask(network, message.name, message.input);
}
