import { layoutOf, readStack } from "./bench/layouts/stackLayouts";
import { resolveGcpArgs } from "./components/gcp/gcpArgs";
import { translatePlan as g } from "./components/gcp/gcpRules";
import { resolveAzureArgs } from "./components/azure/azureArgs";
import { translatePlan as a } from "./components/azure/azureRules";
const s = readStack(".", process.argv[2]!);
const layout = layoutOf(s);
if (s.config.cloud === "gcp") { const r = resolveGcpArgs(layout.name, { layout, network: "n" }); for (const x of g(r.plan, r.translate).rules) console.log(x.name, JSON.stringify(x.peer), JSON.stringify(x.allows)); }
else { const r = resolveAzureArgs(layout.name, { layout, resourceGroupName: "rg" }); const t = a(r.plan, r.translate).rules; console.log(t.length); for (const x of t) console.log(x.name, JSON.stringify(x.source).slice(0,100), JSON.stringify(x.destination).slice(0,60), x.protocol, JSON.stringify(x.ports)); }
