{{/* The release's base name for every resource. */}}
{{- define "rendezvous.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Labels shared by everything of this release. */}}
{{- define "rendezvous.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/part-of: rendezvous
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Selector labels of one app; call with (dict "root" $ "app" "gateway"). */}}
{{- define "rendezvous.selectorLabels" -}}
app.kubernetes.io/name: {{ .app }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Everything of one app: the common labels (instance included) and its name. */}}
{{- define "rendezvous.labels" -}}
{{ include "rendezvous.commonLabels" .root }}
app.kubernetes.io/name: {{ .app }}
{{- end -}}

{{/* One app's values: the defaults overlaid with apps.<app>. */}}
{{- define "rendezvous.appValues" -}}
{{- $own := index .root.Values.apps .app | default dict -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $own)) -}}
{{- end -}}

{{/* An app's image reference. */}}
{{- define "rendezvous.image" -}}
{{- $values := .root.Values -}}
{{- $own := (index $values.apps .app).image | default dict -}}
{{- $repository := $own.repository | default (printf "%s/%s" $values.image.repositoryPrefix .app) -}}
{{- if and $values.image.registry (not $own.repository) -}}
{{- $repository = printf "%s/%s" $values.image.registry $repository -}}
{{- end -}}
{{- printf "%s:%s" $repository ($own.tag | default $values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/* Where another app reaches one app (its Service). */}}
{{- define "rendezvous.serviceUrl" -}}
{{- printf "http://%s-%s" (include "rendezvous.fullname" .root) .app -}}
{{- if ne (int .root.Values.service.port) 80 }}:{{ .root.Values.service.port }}{{ end -}}
{{- end -}}

{{- define "rendezvous.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "rendezvous.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/*
Settings the chart wires itself for one app, besides the tunables in settings and
apps.<app>.settings. Secrets are env entries from Secrets (rendezvous.secretEnv).
*/}}
{{- define "rendezvous.wiredSettings" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
PORT: "3000"
HOST: "0.0.0.0"
KAFKA_BROKERS: {{ $values.kafka.brokers | quote }}
KAFKA_PARTITIONS: {{ $values.kafka.partitions | quote }}
KAFKA_REPLICATION_FACTOR: {{ $values.kafka.replicationFactor | quote }}
JWKS_URL: {{ printf "%s/api/v1/.well-known/jwks.json" (include "rendezvous.serviceUrl" (dict "root" $root "app" "user")) | quote }}
{{- if ne .app "gateway" }}
POSTGRES_HOST: {{ $values.postgresql.host | quote }}
POSTGRES_PORT: {{ $values.postgresql.port | quote }}
{{- if not $values.postgresql.userKey }}
POSTGRES_USER: {{ $values.postgresql.user | quote }}
{{- end }}
POSTGRES_POOL_SIZE: {{ $values.postgresql.poolSize | quote }}
POSTGRES_DB: {{ printf "rendezvous_%s" (.app | replace "-" "_") | quote }}
{{- end }}
{{- include "rendezvous.connectionSettings" (dict "root" $root "postgres" (ne .app "gateway") "redis" true) }}
{{- if eq .app "gateway" }}
{{- range $upstream := list "user" "event" "matching" "proximity" "reco" "booking-agent" }}
{{ printf "%s_SERVICE_URL" ($upstream | upper | replace "-" "_") }}: {{ include "rendezvous.serviceUrl" (dict "root" $root "app" $upstream) | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Env entries read from the existing Secrets. */}}
{{- define "rendezvous.secretEnv" -}}
{{- $values := .root.Values -}}
{{- if ne .app "gateway" }}
- name: POSTGRES_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $values.postgresql.existingSecret }}
      key: {{ $values.postgresql.passwordKey }}
{{- if $values.postgresql.userKey }}
- name: POSTGRES_USER
  valueFrom:
    secretKeyRef:
      name: {{ $values.postgresql.existingSecret }}
      key: {{ $values.postgresql.userKey }}
{{- end }}
{{- end }}
- name: REDIS_URL
  valueFrom:
    secretKeyRef:
      name: {{ $values.redis.existingSecret }}
      key: {{ $values.redis.urlKey }}
{{- include "rendezvous.connectionSecretEnv" (dict "root" .root "redis" true) }}
{{- if eq .app "user" }}
- name: JWT_PRIVATE_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $values.jwt.existingSecret }}
      key: {{ $values.jwt.privateKeyKey }}
- name: JWT_PREVIOUS_PUBLIC_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ $values.jwt.existingSecret }}
      key: {{ $values.jwt.previousPublicKeysKey }}
      optional: true
{{- end }}
{{- if eq .app "proximity" }}
- name: PROXIMITY_HMAC_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $values.proximityHmac.existingSecret }}
      key: {{ $values.proximityHmac.key }}
{{- end }}
{{- end -}}

{{/* Where the CA and client certificates of the connections are mounted. */}}
{{- define "rendezvous.certDir" -}}/etc/rendezvous/certs{{- end -}}

{{/*
Plain TLS/authentication settings of the connections a workload opens; call with
(dict "root" $ "postgres" bool "redis" bool). Kafka always. Nothing when all are off.
*/}}
{{- define "rendezvous.connectionSettings" -}}
{{- $values := .root.Values -}}
{{- $dir := include "rendezvous.certDir" . -}}
{{- if and .postgres (ne $values.postgresql.sslmode "disable") }}
POSTGRES_SSLMODE: {{ $values.postgresql.sslmode | quote }}
{{- end }}
{{- if and .postgres $values.postgresql.caSecret.name }}
POSTGRES_SSL_CA_FILE: {{ printf "%s/postgres-ca.crt" $dir | quote }}
{{- end }}
{{- if and .redis $values.redis.username }}
REDIS_USERNAME: {{ $values.redis.username | quote }}
{{- end }}
{{- if and .redis $values.redis.caSecret.name }}
REDIS_TLS_CA_FILE: {{ printf "%s/redis-ca.crt" $dir | quote }}
{{- end }}
{{- with $values.kafka.ssl }}
{{- if .enabled }}
KAFKA_SSL: "true"
{{- if .caSecret.name }}
KAFKA_SSL_CA_FILE: {{ printf "%s/kafka-ca.crt" $dir | quote }}
{{- end }}
{{- if .clientCertSecret }}
KAFKA_SSL_CERT_FILE: {{ printf "%s/kafka-client.crt" $dir | quote }}
KAFKA_SSL_KEY_FILE: {{ printf "%s/kafka-client.key" $dir | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- if ne $values.kafka.sasl.mechanism "none" }}
KAFKA_SASL_MECHANISM: {{ $values.kafka.sasl.mechanism | quote }}
KAFKA_SASL_USERNAME: {{ $values.kafka.sasl.username | quote }}
{{- end }}
{{- end -}}

{{/* Env entries of the connection passwords from Secrets; same arguments, Postgres aside. */}}
{{- define "rendezvous.connectionSecretEnv" -}}
{{- $values := .root.Values -}}
{{- if and .redis $values.redis.passwordSecret.name }}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $values.redis.passwordSecret.name }}
      key: {{ $values.redis.passwordSecret.key }}
{{- end }}
{{- if ne $values.kafka.sasl.mechanism "none" }}
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $values.kafka.sasl.existingSecret }}
      key: {{ $values.kafka.sasl.passwordKey }}
{{- end }}
{{- end -}}

{{/* The projected Secret files of the CAs and client certificate; same arguments. */}}
{{- define "rendezvous.certSources" -}}
{{- $values := .root.Values -}}
{{- if and .postgres $values.postgresql.caSecret.name }}
- secret:
    name: {{ $values.postgresql.caSecret.name }}
    items:
      - key: {{ $values.postgresql.caSecret.key }}
        path: postgres-ca.crt
{{- end }}
{{- if and .redis $values.redis.caSecret.name }}
- secret:
    name: {{ $values.redis.caSecret.name }}
    items:
      - key: {{ $values.redis.caSecret.key }}
        path: redis-ca.crt
{{- end }}
{{- with $values.kafka.ssl }}
{{- if and .enabled .caSecret.name }}
- secret:
    name: {{ .caSecret.name }}
    items:
      - key: {{ .caSecret.key }}
        path: kafka-ca.crt
{{- end }}
{{- if and .enabled .clientCertSecret }}
- secret:
    name: {{ .clientCertSecret }}
    items:
      - key: tls.crt
        path: kafka-client.crt
      - key: tls.key
        path: kafka-client.key
{{- end }}
{{- end }}
{{- end -}}

{{/* A setting as the string the app reads; YAML numbers arrive as floats (1e+07). */}}
{{- define "rendezvous.settingValue" -}}
{{- if kindIs "float64" . -}}
{{- if eq (float64 (int64 .)) . }}{{ int64 . }}{{ else }}{{ . }}{{ end -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/* The settings of one app as ConfigMap data: tunables, then what the chart wires. */}}
{{- define "rendezvous.configData" -}}
{{- $app := fromYaml (include "rendezvous.appValues" .) -}}
{{- $data := dict -}}
{{- range $key, $value := .root.Values.settings }}{{ $_ := set $data $key (include "rendezvous.settingValue" $value) }}{{ end -}}
{{- range $key, $value := ($app.settings | default dict) }}{{ $_ := set $data $key (include "rendezvous.settingValue" $value) }}{{ end -}}
{{- range $key, $value := fromYaml (include "rendezvous.wiredSettings" .) }}{{ $_ := set $data $key (include "rendezvous.settingValue" $value) }}{{ end -}}
{{- toYaml $data -}}
{{- end -}}

{{/* The hardened pod-level fields every workload shares. */}}
{{- define "rendezvous.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
