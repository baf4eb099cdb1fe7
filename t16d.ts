import { resolveAzureArgs } from "./components/azure/azureArgs";
import { translatePlan } from "./components/azure/azureRules";
const LAYOUT: any = { name: "sk", profiles: ["super-kubenetes"], options: { calicoMode: "vxlan" }, groups: { masters: { roles: ["controlPlane", "etcd"] }, workers: { roles: ["worker"] } },
  peers: { admin: ["203.0.113.0/24", "2001:db8::/48"], apiClients: ["203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/24"], workloadClients: ["10.20.0.0/16"] } };
const extra = process.argv[2] ? [JSON.parse(process.argv[2])] : undefined;
const r = resolveAzureArgs("sk", { resourceGroupName: "rg", layout: { ...LAYOUT, ...(extra ? { rules: extra } : {}) } } as any);
for (const x of translatePlan(r.plan, r.translate).rules) console.log(x.name, x.priority, JSON.stringify(x.source), x.protocol, JSON.stringify(x.ports), x.description);
