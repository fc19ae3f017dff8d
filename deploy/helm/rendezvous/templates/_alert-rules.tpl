{{- /*
Rendezvous alerting rules, in Prometheus's rule-file format, with the thresholds from
.Values.prometheusRule.thresholds. The chart's PrometheusRule is this (templates/prometheusrule.yaml);
promtool checks and unit-tests the rules rendered from the chart (deploy/test/prometheus-rules.int-spec.ts).
Prometheus's own templates are written {{ "{{" }} $labels.x }} so Helm leaves them to Prometheus.
Every app's series carry `service` (the app's name); `up` carries
app_kubernetes_io_part_of="rendezvous" through the chart's ServiceMonitor.
*/}}
{{- define "rendezvous.alertRules" -}}
{{- $t := .Values.prometheusRule.thresholds -}}
groups:
  - name: rendezvous-http
    rules:
      - alert: RendezvousHighErrorRatio
        expr: |
          sum by (service) (rate(http_request_duration_seconds_count{status_code=~"5.."}[5m]))
            /
          sum by (service) (rate(http_request_duration_seconds_count[5m]))
            > {{ $t.errorRatio }}
        for: 10m
        labels:
          severity: critical
        annotations:
          summary: '{{ "{{" }} $labels.service }}: more than {{ round (mulf $t.errorRatio 100) 2 }}% of HTTP requests fail with 5xx'
          description: '{{ "{{" }} $value | humanizePercentage }} of the requests {{ "{{" }} $labels.service }} answered over the last 5 minutes were 5xx, for 10 minutes. Its logs (by trace id) and /health/ready name the failing dependency.'
      - alert: RendezvousHighLatencyP99
        expr: |
          histogram_quantile(0.99,
            sum by (service, le) (rate(http_request_duration_seconds_bucket[5m]))
          ) > {{ $t.latencyP99Seconds }}
        for: 10m
        labels:
          severity: warning
        annotations:
          summary: '{{ "{{" }} $labels.service }}: p99 HTTP latency above {{ $t.latencyP99Seconds }} s'
          description: 'The 99th percentile of {{ "{{" }} $labels.service }} request durations is {{ "{{" }} $value | humanizeDuration }} over the last 5 minutes, for 10 minutes.'
  - name: rendezvous-events
    rules:
      - alert: RendezvousConsumerLagHigh
        expr: max by (group, topic) (kafka_consumer_lag) > {{ $t.consumerLag | int64 }}
        for: 10m
        labels:
          severity: warning
        annotations:
          summary: 'Consumer group {{ "{{" }} $labels.group }} is {{ "{{" }} $value }} messages behind on {{ "{{" }} $labels.topic }}'
          description: 'The group has left more than {{ $t.consumerLag | int64 }} messages of {{ "{{" }} $labels.topic }} unconsumed for 10 minutes: a handler is slow or retrying, or the group has too few replicas for the partitions.'
      - alert: RendezvousOutboxStalled
        expr: max by (service, outbox) (outbox_oldest_age_seconds) > {{ $t.outboxOldestAgeSeconds }}
        for: 5m
        labels:
          severity: critical
        annotations:
          summary: '{{ "{{" }} $labels.service }}: {{ "{{" }} $labels.outbox }} outbox events wait more than {{ $t.outboxOldestAgeSeconds }} s to be published'
          description: 'The oldest unpublished event in the {{ "{{" }} $labels.outbox }} outbox of {{ "{{" }} $labels.service }} is {{ "{{" }} $value | humanizeDuration }} old: no replica relays (Kafka unreachable, or the relay lost its lock in Postgres or Redis). Events are kept and go out once the relay runs again.'
      - alert: RendezvousDeadLetters
        expr: sum by (service, topic) (increase(kafka_messages_consumed_total{outcome="dead_lettered"}[15m])) > {{ $t.deadLettersPer15m }}
        for: 1m
        labels:
          severity: warning
        annotations:
          summary: '{{ "{{" }} $labels.service }} parked messages of {{ "{{" }} $labels.topic }} in its DLQ'
          description: '{{ "{{" }} $value | humanize }} messages of {{ "{{" }} $labels.topic }} went to {{ "{{" }} $labels.topic }}.dlq in the last 15 minutes. The admin portal lists them with the error; replay them once the cause is fixed.'
      - alert: RendezvousHandlerRetrying
        expr: sum by (service, topic) (rate(kafka_messages_consumed_total{outcome="retried"}[5m])) > {{ $t.handlerRetriesPerSecond }}
        for: 15m
        labels:
          severity: warning
        annotations:
          summary: '{{ "{{" }} $labels.service }} keeps retrying handlers of {{ "{{" }} $labels.topic }}'
          description: 'Handlers of {{ "{{" }} $labels.topic }} in {{ "{{" }} $labels.service }} retry {{ "{{" }} $value | humanize }} times a second, for 15 minutes: a dependency is failing or an event keeps failing until it is dead-lettered.'
  - name: rendezvous-readiness
    rules:
      - alert: RendezvousNotReady
        expr: health_ready == 0
        for: 5m
        labels:
          severity: critical
        annotations:
          summary: '{{ "{{" }} $labels.service }} replica {{ "{{" }} $labels.pod }} is not ready'
          description: '/health/ready of {{ "{{" }} $labels.pod }} has answered 503 for 5 minutes; health_dependency_up shows which dependency is down.'
      - alert: RendezvousTargetDown
        expr: up{app_kubernetes_io_part_of="rendezvous"} == 0
        for: 5m
        labels:
          severity: critical
        annotations:
          summary: 'Prometheus cannot scrape {{ "{{" }} $labels.pod }}'
          description: 'The /metrics endpoint of {{ "{{" }} $labels.pod }} ({{ "{{" }} $labels.service }}) has not answered for 5 minutes: the process is down or not listening.'
{{- end }}
