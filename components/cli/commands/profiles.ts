/** `kubeports profiles`: what a layout can name — profile ids, roles, peers, cluster kinds, options. */
import { type Command, Option } from "commander";
import { DEFAULT_OPTIONS, OPTION_INFO } from "../../model/options";
import type { Profile } from "../../model/requirement";
import { CATALOG } from "../../profiles/catalog";
import type { CliIo } from "../io";

const FORMATS = ["text", "json"] as const;

/** One profile as `--format json` prints it; key order fixed for stable output. */
export function describeProfile(profile: Profile) {
  const effective = { ...DEFAULT_OPTIONS, ...profile.defaults };
  return {
    id: profile.id,
    title: profile.title,
    document: profile.document,
    alsoSee: [...(profile.alsoSee ?? [])],
    roles: Object.entries(profile.roles).map(([name, info]) => ({
      name,
      description: info.description,
      kubernetes: info.kubernetes,
      optional: info.optional === true,
    })),
    peers: Object.entries(profile.peers).map(([name, description]) => ({ name, description })),
    clusterKinds: Object.entries(profile.clusterKinds ?? {}).map(([name, description]) => ({ name, description })),
    options: profile.options.map((name) => ({
      name,
      description: OPTION_INFO[name].description,
      ...(OPTION_INFO[name].values ? { values: [...OPTION_INFO[name].values!] } : {}),
      default: effective[name],
    })),
    rows: profile.rows.length,
  };
}

function profileText(profile: Profile): string {
  const info = describeProfile(profile);
  const field = (name: string, value: string) => `  ${`${name}:`.padEnd(15)}${value}`;
  const lines = [`${info.id}: ${info.title}`];
  lines.push(field("document", info.alsoSee.length > 0 ? `${info.document} (also ${info.alsoSee.join(", ")})` : info.document));
  lines.push(field("roles", info.roles.map((r) => (r.optional ? `${r.name} (optional)` : r.name)).join(", ") || "none (adds rows to the roles of the profiles it is combined with)"));
  lines.push(field("peers", info.peers.map((p) => p.name).join(", ") || "none"));
  if (info.clusterKinds.length > 0) lines.push(field("cluster kinds", info.clusterKinds.map((k) => k.name).join(", ")));
  lines.push(field("options", info.options.map((o) => `${o.name}=${String(o.default)}`).join(", ") || "none"));
  lines.push(field("rows", String(info.rows)));
  return lines.join("\n");
}

export function registerProfilesCommand(program: Command, io: CliIo): void {
  program
    .command("profiles")
    .description("list the vendor profiles a layout can use, with their roles, peers and options")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("text"))
    .action((options: { format: (typeof FORMATS)[number] }) => {
      if (options.format === "json") {
        io.stdout(`${JSON.stringify(CATALOG.map(describeProfile), null, 2)}\n`);
      } else {
        io.stdout(`${CATALOG.map(profileText).join("\n\n")}\n`);
      }
    });
}
