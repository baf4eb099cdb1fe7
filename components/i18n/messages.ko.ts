/**
 * The report phrases in Korean (한국어). Same keys and signatures as messages.en.ts, so a
 * missing or misspelt key is a type error. Data stays as given: ports, names, row text.
 */
import type { NoteCode } from "../model/plan";
import type { Messages, OpenerParts, WorldWarningParts } from "./messages.en";
import { OPTION_MEANINGS_KO } from "./options.ko";
import { PROFILE_TITLES_KO } from "./profiles.ko";

const NOTE_MEANING: Readonly<Record<NoteCode, (detail: string) => string>> = {
  "peer-unset": (peer) => `layout.peers에 피어 ${peer}의 CIDR이 없어 아무것도 열지 않았습니다`,
  "role-absent": (role) => `역할 ${role}을(를) 가진 노드 그룹이 없어 이 행은 적용되지 않았습니다`,
  "egress-hosts": (hosts) => `${hosts}(으)로 호스트 이름으로 나가는 트래픽입니다. FQDN 규칙이 없는 클라우드에서는 다른 방법으로 허용해야 합니다`,
  "installer-default": (choice) => `레이아웃이 정하지 않은 옵션에 배포판 설치 도구의 문서화된 기본값을 사용했습니다(${choice})`,
};

function opener(o: OpenerParts): string {
  const ack = o.kind !== "vendor-row" && o.acknowledged ? ` (의도적으로 허용함: "${o.acknowledged}")` : "";
  switch (o.kind) {
    case "vendor-row":
      return `벤더 문서가 요구합니다(행 ${o.row}: ${o.source})`;
    case "layout-rule":
      return `이 레이아웃의 자체 규칙 ${o.rule}이(가) 엽니다(${o.line})${ack}`;
    case "layout-peer":
      return `이 레이아웃의 피어 ${o.peer}이(가) 인터넷 전체입니다(${o.line}). 벤더 행은 피어 이름만 지정합니다: ${o.rows.join(", ")}${ack}`;
  }
}

function worldWarning(parts: WorldWarningParts): string {
  const exposes = parts.exposes.length > 0 ? ` 이 규칙은 ${parts.exposes.join(", ")}을(를) 노출합니다.` : "";
  const why = parts.openers.length > 0 ? ` ${parts.openers.map(opener).join("; ")}.` : "";
  return `${parts.group}은(는) ${parts.cidr}에서 오는 ${parts.what}을(를) 허용합니다.${why}${exposes} 가능하면 알려진 네트워크로 제한하십시오.`;
}

export const ko: Messages = {
  flow: {
    protocol: {
      tcp: "TCP",
      udp: "UDP",
      icmp: "ICMP",
      ipip: "IP-in-IP (4)",
      ipip94: "IP 프로토콜 94",
      esp: "ESP (50)",
      all: "모든 트래픽",
    },
    icmpAllTypes: "모든 유형",
    icmpType: (type, code) => `유형 ${type}${code === undefined ? "" : ` 코드 ${code}`}`,
    itself: "자기 자신",
    anywhere: "(모든 곳)",
  },
  columns: {
    port: "포트",
    protocol: "프로토콜",
    from: "출발지",
    to: "목적지",
    why: "용도",
    source: "출처 문서",
    profile: "프로필",
    title: "제목",
    document: "문서",
    option: "옵션",
    value: "값",
    default: "기본값",
    meaning: "의미",
    peer: "피어",
    cidrs: "CIDR",
    group: "노드 그룹",
    change: "변경",
    openedBy: "연 주체",
    direction: "방향",
    before: "이전",
    after: "이후",
  },
  plan: {
    title: (layout) => `kubeports 계획: ${layout}`,
    summary: (groups, rules, schema) => `노드 그룹 ${groups}개, 규칙 ${rules}개(수신 및 송신), 계획 스키마 ${schema}.`,
    profiles: "프로필",
    options: "옵션",
    optionsDefault: "모든 옵션이 기본값입니다.",
    optionsDiffer: "kubeports 기본값과 다른 옵션(레이아웃이 설정했거나 프로필이 전제함):",
    peers: "피어",
    nodeGroup: (name) => `노드 그룹 ${name}`,
    rolesAndCluster: (roles, cluster) => `역할: ${roles}. 클러스터: ${cluster}.`,
    clusterOfKind: (cluster, kind) => `${cluster} (종류 ${kind})`,
    ingress: (group) => `수신: ${group}이(가) 허용하는 트래픽`,
    egress: (group) => `송신: ${group}이(가) 레이아웃 밖으로 보내는 트래픽`,
    nothing: "없음.",
    mirrored: (group, count) =>
      `${group}에는 노드 그룹으로 가는 송신 규칙 ${count}개가 더 있으며, 각각 대상 그룹 표의 수신 행과 짝을 이룹니다.`,
    localProbes: "로컬 프로브: 문서에 있으나 규칙은 필요 없음",
    warnings: "경고",
    notes: "참고",
    disagreements: "출처 간 불일치",
    supplements: "보충: 클러스터에 필요하지만 문서에 빠진 흐름",
    supplementsIntro: (count) => `Kubernetes 연결 모델이 요구하지만 레이아웃의 프로필 행이 열지 않는 흐름 ${count}개를 위 표에 추가했습니다 (completeness: supplement).`,
    none: "없음.",
    warning: worldWarning,
    note: (code, where, _message, description, detail) => `**${code}** (${where}, ${description}): ${NOTE_MEANING[code](detail)}.`,
    optionMeaning: (name) => OPTION_MEANINGS_KO[name],
    profileTitle: (id, title) => PROFILE_TITLES_KO[id] ?? title,
    picture: "그림",
    matrix: "포트 행렬",
    matrixLegend: "행은 보내는 쪽, 열은 받는 쪽입니다. 각 칸은 열의 그룹이 행에서 받는 포트입니다. 그림은 쌍마다 화살표 하나를 그리고, 포트는 이 표에 있습니다.",
    matrixSelf: "(자기 자신)",
    noteWhere: (profile, row) => `${profile} 행 ${row}`,
    disagreement: (id, where, says, otherSource, other) => `**${id}** (${where}): 문서 원문은 "${says}"이고, ${otherSource}에 따르면 ${other}.`,
    disagreementWhere: (profile, rows) => `${profile} 행 ${rows.join(", ")}`,
  },
  mermaid: {
    everyNode: (ports, groups) => `${groups === undefined ? "모든 그룹 ↔ 모든 그룹" : `${groups} 중 모든 두 그룹 사이`}(자기 자신 포함): ${ports}`,
    cluster: (cluster) => `클러스터 ${cluster}`,
    allClusters: (clusters) => `클러스터 ${clusters}의 모든 그룹`,
    clusterOfKind: (cluster, kind) => `클러스터 ${cluster} (${kind})`,
    noChanges: "방화벽 변경 사항이 없습니다.",
    reasonsChanged: "근거 문서 행 변경",
  },
  diff: {
    title: (before, after) => `kubeports 변경 비교: ${before} → ${after}`,
    noChanges: "방화벽 변경 사항이 없습니다.",
    newSide: (label) => `${label}은(는) 그 시점에 없었습니다. 아래의 모든 그룹과 흐름은 새로 추가된 것입니다.`,
    summary: (s) => `**흐름 추가 ${s.flowsAdded}개, 삭제 ${s.flowsRemoved}개, 변경 ${s.flowsChanged}개** (노드 그룹 ${s.groups}개).`,
    groupCounts: (added, removed) => `노드 그룹: 추가 ${added}개, 삭제 ${removed}개.`,
    warningCounts: (added, removed) => `경고: 추가 ${added}개, 삭제 ${removed}개.`,
    opensCount: (count) => `**인터넷(0.0.0.0/0 또는 ::/0)에 포트를 여는 변경이 ${count}개 있습니다.**`,
    opensHeading: "인터넷에 열리는 변경",
    options: "옵션",
    groupHeading: (name, status) => `노드 그룹 ${name} (${{ added: "추가", removed: "삭제", changed: "변경" }[status]})`,
    roles: (roles) => `역할: ${roles}.`,
    rolesChanged: (before, after) => `역할: ${before} → ${after}.`,
    ingress: "수신",
    egress: "송신",
    none: "흐름 변경 없음.",
    mirrored: (count) => `노드 그룹으로 가는 송신 변경 ${count}개는 표시하지 않았습니다. 각각 대상 그룹 표의 수신 변경과 짝을 이룹니다.`,
    was: (text) => `이전: ${text}`,
    warnings: "경고",
    notes: "참고",
    picture: "그림",
    peers: "피어",
    peersLegend: "CIDR이 바뀐 피어와, 그로 인해 규칙이 바뀌었는지 여부.",
    peerLine: (line) => line,
    unset: "(없음)",
    noRuleChanged: "바뀐 규칙 없음",
    rulesChanged: (count) => `규칙 변경 ${count}개`,
    effect: "영향",
    opener: (o) =>
      o.kind === "vendor-row"
        ? `벤더 행 ${o.row} (${o.source})`
        : o.kind === "layout-rule"
          ? `이 레이아웃의 규칙 ${o.rule}: ${o.line}${o.acknowledged ? ` (의도적으로 허용함: "${o.acknowledged}")` : ""}`
          : `이 레이아웃의 피어: ${o.line}${o.acknowledged ? ` (의도적으로 허용함: "${o.acknowledged}")` : ""}`,
    markerLegend: "`+` 추가, `-` 삭제, `~` 변경.",
  },
  cli: {
    wrote: (format, file) => `kubeports: ${format} 보고서를 ${file}에 썼습니다\n`,
    diffNeedsTwo: "diff는 두 레이아웃 또는 스택을 비교합니다: 둘 다 지정하거나(kubeports diff old.yaml new.yaml), 하나를 --base <rev>와 함께 지정하십시오(kubeports diff rancher-aws --base origin/main)",
    diffBaseWithTwo: (rev) => `--base ${rev}는 레이아웃 또는 스택 하나를 ${rev} 시점의 자신과 비교합니다: 인수를 하나만 지정하거나, 둘을 비교하려면 --base를 빼십시오`,
    noChanges: "kubeports: 방화벽 변경 사항이 없습니다.\n",
    worldOpened: (count) => `kubeports: 인터넷(0.0.0.0/0 또는 ::/0)에 포트를 여는 변경이 ${count}개 있어 --fail-on-world에 따라 실패합니다(종료 코드 3)\n`,
  },
};
