/**
 * Weave Net as an overlay: every row applies only with cni weave and connects Kubernetes
 * nodes. Rancher's Commonly Used Ports table is the document that prints these ports.
 */
import type { Profile } from "../../model/requirement";
import { nodes, source } from "../dsl";

const SEED = "004_4e84222665e307a4.txt";
const at = source(SEED);
const all = nodes();

export const weave: Profile = {
  id: "weave",
  title: "Weave Net (CNI overlay)",
  document: SEED,
  alsoSee: ["https://github.com/weaveworks/weave/blob/master/site/faq.md"],
  roles: {},
  peers: {},
  options: ["cni"],
  rows: [
    {
      id: "control", description: "Weave Port", direction: "inbound", protocols: ["tcp"], ports: "6783",
      from: [all], to: all, when: { cni: "weave" }, source: at("Other Port Considerations, Commonly Used Ports row 9: TCP 6783 Weave Port"),
    },
    {
      id: "data", description: "Weave UDP Ports", direction: "inbound", protocols: ["udp"], ports: "6783-6784",
      from: [all], to: all, when: { cni: "weave" }, source: at("Other Port Considerations, Commonly Used Ports row 10: UDP 6783-6784 Weave UDP Ports"),
    },
  ],
  disagreements: [],
};
