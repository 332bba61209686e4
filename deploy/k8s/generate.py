"""Writes the Kubernetes manifests (`deploy/k8s/base/`) from the platform's own registries — the
processes in `deploy.local.processes`, the topics in the event registry, each service's
subscriptions — so that they never drift from the code. Run `python -m deploy.k8s.generate`
after adding a service, an event or a subscription; the suite fails while the committed files
differ from what this writes.
"""

from __future__ import annotations

import json
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

import yaml

from deploy.local.processes import SERVICES
from shared.config import SECRETS_DIR_VARIABLE
from shared.events.consumer import dead_letter_topic
from shared.events.envelope import registry

BASE = Path(__file__).parent / "base"
NAMESPACE = "siapkerja"
IMAGE = "registry.kemnaker.go.id/siapkerja/platform"
PORT = 8080
SECRETS_DIR = "/run/secrets/siapkerja"
KAFKA = "siapkerja-kafka"
POSTGRES = "siapkerja-pg"
PUBLIC_HOST = "siapkerja.kemnaker.go.id"
LABELS = {"app.kubernetes.io/part-of": "siapkerja"}
# Sized from measurements on the embedded stack (make bench, the load suite): a process idles at
# 105–145 MB RSS and stays flat under load (the gateway's granian supervisor and worker together
# 150 MB RSS, 112 MB proportional); identity adds ~19 MiB per concurrent argon2 hash.
RESOURCES = {
    "gateway": {"requests": {"cpu": "500m", "memory": "192Mi"}, "limits": {"cpu": "1", "memory": "384Mi"}},
    "identity": {"requests": {"cpu": "500m", "memory": "320Mi"}, "limits": {"cpu": "1", "memory": "640Mi"}},
    "default": {"requests": {"cpu": "250m", "memory": "192Mi"}, "limits": {"cpu": "1", "memory": "384Mi"}},
}
TOPIC_RETENTION_MS = 30 * 24 * 3600 * 1000


def _processes() -> dict[str, str]:
    """Process name → ASGI factory, the gateway included."""
    return {"gateway": "gateway.app:create_app", **{name: factory for name, (factory, _) in SERVICES.items()}}


def _subscriptions() -> dict[str, tuple[list[str], str | None]]:
    """Service → (topics, pattern) it consumes, read from its consumers module."""
    found = {}
    for name in SERVICES:
        try:
            module = import_module(f"services.{name}.consumers")
        except ModuleNotFoundError:
            continue
        found[name] = (list(getattr(module, "TOPICS", [])), getattr(module, "PATTERN", None))
    return found


def _meta(name: str, component: str | None = None, **extra: Any) -> dict[str, Any]:
    labels = {**LABELS, "app.kubernetes.io/name": component or name}
    return {"name": name, "labels": labels, **extra}


def _env(process: str) -> list[dict[str, Any]]:
    prefix = f"SIAPKERJA_{process.upper()}_"
    env = [
        {"name": SECRETS_DIR_VARIABLE, "value": SECRETS_DIR},
        {"name": "KAFKA_SASL_USERNAME", "value": process},
    ]
    if process == "gateway":
        upstreams = {name: [f"http://{name}:{PORT}"] for name in SERVICES}
        env.append({"name": f"{prefix}UPSTREAMS", "value": json.dumps(upstreams, sort_keys=True)})
    return env


def _secret_files(process: str) -> dict[str, Any]:
    """The process's secrets as files, each named after the variable it stands for
    (`shared.config.secret`): mounted, never in the environment."""
    prefix = f"SIAPKERJA_{process.upper()}_"
    secret = f"siapkerja-{process}"
    keys = [
        "DATABASE_URL",
        *(["REDIS_URL"] if process == "gateway" else ["FIELD_ENCRYPTION_KEY", "BLIND_INDEX_KEY"]),
    ]
    sources: list[dict[str, Any]] = [
        {"secret": {"name": secret, "items": [{"key": key, "path": prefix + key} for key in keys]}},
        {"secret": {"name": process, "items": [{"key": "password", "path": "KAFKA_SASL_PASSWORD"}]}},
    ]
    if process == "identity":
        # The first administrator: needed on the first start only, then removed from the Secret.
        admin = ("ADMIN_USERNAME", "ADMIN_PASSWORD", "ADMIN_TOTP_SECRET")
        items = [{"key": key, "path": f"SIAPKERJA_{key}"} for key in admin]
        sources.append({"secret": {"name": secret, "items": items, "optional": True}})
    return {"name": "secrets", "projected": {"sources": sources, "defaultMode": 0o440}}


def _container(process: str, factory: str) -> dict[str, Any]:
    return {
        "name": process,
        "image": IMAGE,
        "command": ["python", "-m", "deploy.serve", process],
        "ports": [{"name": "http", "containerPort": PORT}],
        "envFrom": [{"configMapRef": {"name": "siapkerja-settings"}}],
        "env": _env(process),
        "resources": RESOURCES.get(process, RESOURCES["default"]),
        "livenessProbe": {
            "httpGet": {"path": "/healthz", "port": "http"},
            "periodSeconds": 10,
            "failureThreshold": 3,
        },
        "readinessProbe": {
            "httpGet": {"path": "/readyz", "port": "http"},
            "periodSeconds": 5,
            "failureThreshold": 2,
        },
        "startupProbe": {
            "httpGet": {"path": "/healthz", "port": "http"},
            "periodSeconds": 2,
            "failureThreshold": 30,
        },
        "securityContext": {
            "runAsNonRoot": True,
            "runAsUser": 10001,
            "runAsGroup": 10001,
            "allowPrivilegeEscalation": False,
            "readOnlyRootFilesystem": True,
            "capabilities": {"drop": ["ALL"]},
            "seccompProfile": {"type": "RuntimeDefault"},
        },
        "volumeMounts": [
            {"name": "tmp", "mountPath": "/tmp"},  # noqa: S108 - a private in-memory volume
            {"name": "kafka-ca", "mountPath": "/etc/kafka-ca", "readOnly": True},
            {"name": "secrets", "mountPath": SECRETS_DIR, "readOnly": True},
        ],
    }


def _workload(process: str, factory: str) -> list[dict[str, Any]]:
    """The process's Deployment (its outbox relay and consumers run in the same process: the relay
    wakes on the commit notification of that process's own database connection pool, and every
    replica takes a share of the partitions), Service, autoscaler and disruption budget."""
    selector = {"app.kubernetes.io/name": process}
    container = _container(process, factory)
    migrate = {
        **{
            k: v
            for k, v in container.items()
            if k not in ("ports", "livenessProbe", "readinessProbe", "startupProbe")
        },
        "name": "migrate",
        "command": ["python", "-m", "shared.migrations", process],
        "resources": RESOURCES["default"],
    }
    pod = {
        "metadata": {"labels": {**LABELS, **selector}},
        "spec": {
            "serviceAccountName": "siapkerja",
            "automountServiceAccountToken": False,
            "securityContext": {
                "runAsNonRoot": True,
                "fsGroup": 10001,
                "seccompProfile": {"type": "RuntimeDefault"},
            },
            # Migrations run before the new version serves; concurrent replicas take turns
            # (shared.migrations holds an advisory lock per schema).
            "initContainers": [migrate],
            "containers": [container],
            "volumes": [
                {"name": "tmp", "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}},
                {"name": "kafka-ca", "secret": {"secretName": f"{KAFKA}-cluster-ca-cert"}},
                _secret_files(process),
            ],
            "topologySpreadConstraints": [
                {
                    "maxSkew": 1,
                    "topologyKey": key,
                    "whenUnsatisfiable": when,
                    "labelSelector": {"matchLabels": selector},
                }
                for key, when in (
                    ("topology.kubernetes.io/zone", "ScheduleAnyway"),
                    ("kubernetes.io/hostname", "ScheduleAnyway"),
                )
            ],
            "terminationGracePeriodSeconds": 30,
        },
    }
    return [
        {
            "apiVersion": "apps/v1",
            "kind": "Deployment",
            "metadata": _meta(process),
            "spec": {
                "replicas": 2,
                "selector": {"matchLabels": selector},
                "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
                "template": pod,
            },
        },
        {
            "apiVersion": "v1",
            "kind": "Service",
            "metadata": _meta(process),
            "spec": {"selector": selector, "ports": [{"name": "http", "port": PORT, "targetPort": "http"}]},
        },
        {
            "apiVersion": "autoscaling/v2",
            "kind": "HorizontalPodAutoscaler",
            "metadata": _meta(process),
            "spec": {
                "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": process},
                "minReplicas": 2,
                "maxReplicas": 10,
                "metrics": [
                    {
                        "type": "Resource",
                        "resource": {
                            "name": "cpu",
                            "target": {"type": "Utilization", "averageUtilization": 70},
                        },
                    }
                ],
            },
        },
        {
            "apiVersion": "policy/v1",
            "kind": "PodDisruptionBudget",
            "metadata": _meta(process),
            "spec": {"minAvailable": 1, "selector": {"matchLabels": selector}},
        },
    ]


def _platform() -> list[dict[str, Any]]:
    settings = {
        "SIAPKERJA_ENVIRONMENT": "production",
        "KAFKA_BOOTSTRAP_SERVERS": f"{KAFKA}-kafka-bootstrap:9093",
        "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "KAFKA_SSL_CAFILE": "/etc/kafka-ca/ca.crt",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    for process in _processes():
        prefix = f"SIAPKERJA_{process.upper()}_"
        settings |= {
            f"{prefix}KAFKA_ENABLE_IDEMPOTENCE": "true",
            f"{prefix}KAFKA_REPLICATION_FACTOR": "3",
            f"{prefix}KAFKA_FETCH_MAX_WAIT_MS": "100",
            f"{prefix}JWKS_URL": f"http://identity:{PORT}/api/v1/identity/.well-known/jwks.json",
            f"{prefix}IDENTITY_URL": f"http://identity:{PORT}",
            f"{prefix}PUBLIC_BASE_URL": f"https://{PUBLIC_HOST}",
            f"{prefix}LOG_LEVEL": "INFO",
            # X-Forwarded-For is believed from these peers only: the cluster's pod network (the
            # ingress controller before the gateway, the gateway before the services). Set it to
            # your cluster's pod CIDR.
            f"{prefix}TRUSTED_PROXIES": json.dumps(["10.0.0.0/8"]),
        }
    settings["SIAPKERJA_GENERAL_GATEWAY_METRICS_URL"] = f"http://gateway:{PORT}/metrics"
    settings["SIAPKERJA_GATEWAY_CORS_ORIGINS"] = json.dumps([f"https://{PUBLIC_HOST}"])
    return [
        {
            "apiVersion": "v1",
            "kind": "ServiceAccount",
            "metadata": _meta("siapkerja"),
            "automountServiceAccountToken": False,
        },
        {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": _meta("siapkerja-settings"),
            "data": dict(sorted(settings.items())),
        },
        {
            "apiVersion": "networking.k8s.io/v1",
            "kind": "Ingress",
            "metadata": _meta(
                "siapkerja",
                "gateway",
                annotations={"cert-manager.io/cluster-issuer": "letsencrypt-production"},
            ),
            "spec": {
                "ingressClassName": "nginx",
                "tls": [{"hosts": [PUBLIC_HOST], "secretName": "siapkerja-tls"}],
                "rules": [
                    {
                        "host": PUBLIC_HOST,
                        "http": {
                            "paths": [
                                {
                                    "path": "/api/",
                                    "pathType": "Prefix",
                                    "backend": {"service": {"name": "gateway", "port": {"name": "http"}}},
                                }
                            ]
                        },
                    }
                ],
            },
        },
    ]


def _network_policies() -> list[dict[str, Any]]:
    def allow(name: str, pods: dict, ingress=None, egress=None) -> dict[str, Any]:
        spec: dict[str, Any] = {"podSelector": {"matchLabels": pods}, "policyTypes": []}
        if ingress is not None:
            spec["policyTypes"].append("Ingress")
            spec["ingress"] = ingress
        if egress is not None:
            spec["policyTypes"].append("Egress")
            spec["egress"] = egress
        return {
            "apiVersion": "networking.k8s.io/v1",
            "kind": "NetworkPolicy",
            "metadata": _meta(name),
            "spec": spec,
        }

    ours = {"app.kubernetes.io/part-of": "siapkerja"}
    services = [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": name}}} for name in SERVICES]
    http = [{"port": PORT, "protocol": "TCP"}]
    return [
        {
            "apiVersion": "networking.k8s.io/v1",
            "kind": "NetworkPolicy",
            "metadata": _meta("default-deny"),
            "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]},
        },
        allow(
            "gateway-from-ingress",
            {"app.kubernetes.io/name": "gateway"},
            ingress=[
                {
                    "from": [
                        {
                            "namespaceSelector": {
                                "matchLabels": {"kubernetes.io/metadata.name": "ingress-nginx"}
                            }
                        }
                    ],
                    "ports": http,
                },
                # general reads the gateway's metrics for the evaluation reports; Prometheus scrapes
                {
                    "from": [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "general"}}}],
                    "ports": http,
                },
                {
                    "from": [
                        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}
                    ],
                    "ports": http,
                },
            ],
        ),
        allow(
            "services-from-gateway",
            {"app.kubernetes.io/component": "service"},
            ingress=[
                {
                    "from": [
                        {"podSelector": {"matchLabels": {"app.kubernetes.io/name": "gateway"}}},
                        *services,
                    ],
                    "ports": http,
                },
                {
                    "from": [
                        {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}}}
                    ],
                    "ports": http,
                },
            ],
        ),
        allow(
            "egress-to-data-and-peers",
            ours,
            egress=[
                {
                    "to": [
                        {"namespaceSelector": {}, "podSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}
                    ],
                    "ports": [{"port": 53, "protocol": "UDP"}, {"port": 53, "protocol": "TCP"}],
                },
                {
                    "to": [{"podSelector": {"matchLabels": {"cnpg.io/cluster": POSTGRES}}}],
                    "ports": [{"port": 5432, "protocol": "TCP"}],
                },
                {
                    "to": [{"podSelector": {"matchLabels": {"strimzi.io/cluster": KAFKA}}}],
                    "ports": [{"port": 9093, "protocol": "TCP"}],
                },
                {"to": [{"podSelector": {"matchLabels": ours}}], "ports": http},
                {
                    "to": [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "redis"}}}],
                    "ports": [{"port": 6379, "protocol": "TCP"}],
                },
            ],
        ),
    ]


def _kafka() -> list[dict[str, Any]]:
    for name in SERVICES:
        import_module(f"services.{name}.events")  # registers every event model
    topics = sorted({cls.topic() for cls in registry.values() if cls.service in SERVICES})
    subscriptions = _subscriptions()
    dead_letters = [dead_letter_topic(f"siapkerja.{name}") for name in sorted(subscriptions)]
    documents: list[dict[str, Any]] = [
        {
            "apiVersion": "kafka.strimzi.io/v1beta2",
            "kind": "KafkaNodePool",
            "metadata": _meta("brokers", "kafka", labels={**LABELS, "strimzi.io/cluster": KAFKA}),
            "spec": {
                "replicas": 3,
                "roles": ["controller", "broker"],
                "storage": {"type": "persistent-claim", "size": "200Gi", "deleteClaim": False},
            },
        },
        {
            "apiVersion": "kafka.strimzi.io/v1beta2",
            "kind": "Kafka",
            "metadata": _meta(
                KAFKA,
                "kafka",
                annotations={"strimzi.io/node-pools": "enabled", "strimzi.io/kraft": "enabled"},
            ),
            "spec": {
                "kafka": {
                    "listeners": [
                        {
                            "name": "tls",
                            "port": 9093,
                            "type": "internal",
                            "tls": True,
                            "authentication": {"type": "scram-sha-512"},
                        }
                    ],
                    "authorization": {"type": "simple"},
                    "config": {
                        "default.replication.factor": 3,
                        "min.insync.replicas": 2,
                        "offsets.topic.replication.factor": 3,
                        "transaction.state.log.replication.factor": 3,
                        "transaction.state.log.min.isr": 2,
                        "auto.create.topics.enable": False,
                    },
                },
                "entityOperator": {"topicOperator": {}, "userOperator": {}},
            },
        },
    ]
    for topic in [*topics, *dead_letters]:
        documents.append(
            {
                "apiVersion": "kafka.strimzi.io/v1beta2",
                "kind": "KafkaTopic",
                "metadata": {
                    "name": topic.replace("_", "-").lower(),
                    "labels": {**LABELS, "strimzi.io/cluster": KAFKA},
                },
                "spec": {
                    "topicName": topic,
                    "partitions": 6,
                    "replicas": 3,
                    "config": {
                        "min.insync.replicas": 2,
                        "retention.ms": TOPIC_RETENTION_MS,
                        "cleanup.policy": "delete",
                    },
                },
            }
        )

    def acl(resource: dict[str, Any], *operations: str) -> dict[str, Any]:
        return {"resource": resource, "operations": list(operations)}

    for process in _processes():
        own = f"siapkerja.{process}."
        acls = [
            acl({"type": "topic", "name": own, "patternType": "prefix"}, "Write", "Describe", "Read"),
            # every process follows identity's session revocations
            acl(
                {"type": "topic", "name": "siapkerja.identity.session", "patternType": "literal"},
                "Read",
                "Describe",
            ),
            acl({"type": "group", "name": f"siapkerja.{process}", "patternType": "prefix"}, "Read"),
            acl({"type": "cluster"}, "IdempotentWrite"),
        ]
        consumed, pattern = subscriptions.get(process, ([], None))
        if pattern:
            acls.append(
                acl({"type": "topic", "name": "siapkerja.", "patternType": "prefix"}, "Read", "Describe")
            )
        acls += [
            acl({"type": "topic", "name": t, "patternType": "literal"}, "Read", "Describe") for t in consumed
        ]
        if process in subscriptions:
            dlq = dead_letter_topic(f"siapkerja.{process}")
            acls.append(acl({"type": "topic", "name": dlq, "patternType": "literal"}, "Write", "Describe"))
        documents.append(
            {
                "apiVersion": "kafka.strimzi.io/v1beta2",
                "kind": "KafkaUser",
                "metadata": {"name": process, "labels": {**LABELS, "strimzi.io/cluster": KAFKA}},
                "spec": {
                    "authentication": {"type": "scram-sha-512"},
                    "authorization": {"type": "simple", "acls": acls},
                },
            }
        )
    # A partner reads only the topics it is granted: BPJS Ketenagakerjaan follows JKP decisions.
    documents.append(
        {
            "apiVersion": "kafka.strimzi.io/v1beta2",
            "kind": "KafkaUser",
            "metadata": {
                "name": "partner-bpjs-ketenagakerjaan",
                "labels": {**LABELS, "strimzi.io/cluster": KAFKA},
            },
            "spec": {
                "authentication": {"type": "scram-sha-512"},
                "authorization": {
                    "type": "simple",
                    "acls": [
                        acl(
                            {
                                "type": "topic",
                                "name": "siapkerja.relations.jkp_claim",
                                "patternType": "literal",
                            },
                            "Read",
                            "Describe",
                        ),
                        acl({"type": "group", "name": "partner-bpjs-", "patternType": "prefix"}, "Read"),
                    ],
                },
            },
        }
    )
    return documents


def _postgres() -> list[dict[str, Any]]:
    processes = list(_processes())
    return [
        {
            "apiVersion": "postgresql.cnpg.io/v1",
            "kind": "Cluster",
            "metadata": _meta(POSTGRES, "postgres"),
            "spec": {
                "instances": 3,
                "imageName": "ghcr.io/cloudnative-pg/postgresql:17.2",
                "storage": {"size": "500Gi"},
                "primaryUpdateStrategy": "unsupervised",
                "postgresql": {"parameters": {"max_connections": "400", "shared_buffers": "4GB"}},
                "bootstrap": {
                    "initdb": {
                        "database": "siapkerja",
                        "owner": "siapkerja_owner",
                        # One schema per process, owned by that process's role and by no one else.
                        "postInitApplicationSQL": [
                            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                            *[f"CREATE SCHEMA IF NOT EXISTS {p} AUTHORIZATION {p}" for p in processes],
                            *[f"REVOKE ALL ON SCHEMA {p} FROM PUBLIC" for p in processes],
                        ],
                    }
                },
                "managed": {
                    "roles": [
                        {
                            "name": p,
                            "login": True,
                            "ensure": "present",
                            "connectionLimit": 60,
                            "passwordSecret": {"name": f"siapkerja-{p}-db-password"},
                        }
                        for p in processes
                    ]
                },
                "backup": {
                    "retentionPolicy": "30d",
                    "barmanObjectStore": {
                        "destinationPath": "s3://siapkerja-backups/postgres",
                        "s3Credentials": {
                            "accessKeyId": {"name": "siapkerja-backup-s3", "key": "ACCESS_KEY_ID"},
                            "secretAccessKey": {"name": "siapkerja-backup-s3", "key": "SECRET_ACCESS_KEY"},
                        },
                        "wal": {"compression": "gzip"},
                    },
                },
            },
        },
        {
            "apiVersion": "postgresql.cnpg.io/v1",
            "kind": "ScheduledBackup",
            "metadata": _meta(f"{POSTGRES}-daily", "postgres"),
            "spec": {
                "schedule": "0 0 19 * * *",
                "cluster": {"name": POSTGRES},
                "backupOwnerReference": "self",
            },
        },
    ]


def _monitoring() -> list[dict[str, Any]]:
    def rule(alert: str, expr: str, for_: str, summary: str, severity: str = "warning") -> dict[str, Any]:
        return {
            "alert": alert,
            "expr": expr,
            "for": for_,
            "labels": {"severity": severity},
            "annotations": {"summary": summary},
        }

    return [
        {
            "apiVersion": "monitoring.coreos.com/v1",
            "kind": "PodMonitor",
            "metadata": _meta("siapkerja", "monitoring"),
            "spec": {
                "selector": {"matchLabels": LABELS},
                "podMetricsEndpoints": [{"port": "http", "path": "/metrics"}],
            },
        },
        {
            "apiVersion": "monitoring.coreos.com/v1",
            "kind": "PrometheusRule",
            "metadata": _meta("siapkerja", "monitoring"),
            "spec": {
                "groups": [
                    {
                        "name": "siapkerja",
                        "rules": [
                            rule(
                                "SiapkerjaHighErrorRate",
                                'sum(rate(siapkerja_http_requests_total{process="gateway",status=~"5.."}[5m]))'
                                ' / sum(rate(siapkerja_http_requests_total{process="gateway"}[5m])) > 0.01',
                                "10m",
                                "More than 1% of requests through the gateway fail with 5xx",
                                "critical",
                            ),
                            rule(
                                "SiapkerjaSlowRequests",
                                "histogram_quantile(0.95, sum by (le) (rate("
                                "siapkerja_http_request_duration_seconds_bucket"
                                '{process="gateway"}[5m]))) > 0.5',
                                "15m",
                                "p95 latency at the gateway above 500 ms",
                            ),
                            rule(
                                "SiapkerjaOutboxBacklogOld",
                                "max by (service) (siapkerja_outbox_oldest_age_seconds) > 300",
                                "5m",
                                "Events wait more than 5 minutes in an outbox: is the broker reachable?",
                                "critical",
                            ),
                            rule(
                                "SiapkerjaConsumerLag",
                                "max by (group, topic) (siapkerja_consumer_lag) > 10000",
                                "15m",
                                "A consumer group is more than 10,000 events behind",
                            ),
                        ],
                    }
                ]
            },
        },
    ]


def manifests() -> dict[str, list[dict[str, Any]]]:
    """File name → documents."""
    files = {"platform.yaml": _platform(), "network-policies.yaml": _network_policies()}
    for process, factory in _processes().items():
        documents = _workload(process, factory)
        if process != "gateway":
            for doc in documents:
                doc["metadata"]["labels"]["app.kubernetes.io/component"] = "service"
            documents[0]["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/component"] = "service"
        files[f"{process}.yaml"] = documents
    files["kafka.yaml"] = _kafka()
    files["postgres.yaml"] = _postgres()
    files["monitoring.yaml"] = _monitoring()
    files["kustomization.yaml"] = [
        {
            "apiVersion": "kustomize.config.k8s.io/v1beta1",
            "kind": "Kustomization",
            "namespace": NAMESPACE,
            "resources": sorted(name for name in files if name != "kustomization.yaml"),
            "images": [{"name": IMAGE, "newTag": "1.0.0"}],
        }
    ]
    return files


HEADER = "# Generated by `python -m deploy.k8s.generate` from the platform's registries: do not edit.\n"


def render(documents: list[dict[str, Any]]) -> str:
    return HEADER + yaml.safe_dump_all(documents, sort_keys=False, width=120)


def write(target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, documents in manifests().items():
        (target / name).write_text(render(documents))


def main() -> None:
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else BASE)


if __name__ == "__main__":
    main()
