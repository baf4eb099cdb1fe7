/** Profile titles in Korean, one per catalog id (test/i18n-rows.test.ts checks every profile has one). */
export const PROFILE_TITLES_KO: Readonly<Record<string, string>> = {
  "super-kubenetes": "Super Kubenetes(KubeSphere/KubeKey) 포트 요구 사항",
  dce5: "DaoCloud DCE 5.0 포트 요구 사항",
  apinizer: "Apinizer(Kubernetes 1.31, Flannel 0.27.4) 포트 요구 사항",
  rancher: "Rancher v2.x 포트 요구 사항(Rancher 서버와 다운스트림 클러스터)",
  "rancher-common-ports": "Rancher 자주 쓰는 포트(선택 사항, 클러스터 유형별 표보다 넓음)",
  "rancher-nodes": "Rancher rancher-nodes EC2 보안 그룹(노드 드라이버)",
  kubernetes: "Kubernetes 포트와 프로토콜(kubeadm)",
  rke2: "RKE2 네트워킹 요구 사항",
  k3s: "K3s 네트워킹 요구 사항",
  calico: "Calico 네트워크 요구 사항(CNI 오버레이)",
  flannel: "Flannel 백엔드(CNI 오버레이)",
  canal: "Canal(Calico + Flannel)(CNI 오버레이)",
  cilium: "Cilium 방화벽 규칙(CNI 오버레이)",
  weave: "Weave Net(CNI 오버레이)",
};
