import { EVENT_HEADERS } from '@rendezvous/contracts';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { IHeaders } from 'kafkajs';

/** What the validator needs of a Kafka message; kafkajs' `KafkaMessage` fits. */
export interface MessageToCheck {
  key: Buffer | null;
  value: Buffer | null;
  headers?: IHeaders;
}

/**
 * Why a message read from `topic` does not conform to the AsyncAPI document: every problem
 * found, each naming the part (`key`, `value`, `headers`) and the field; none when it conforms.
 */
export type MessageValidator = (topic: string, message: MessageToCheck) => string[];

type Json = Record<string, unknown>;

const DOCUMENT_ID = 'asyncapi.json';

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface CompiledMessage {
  headers: ValidateFunction;
  key: ValidateFunction | null;
  /** Null for a dead letter: its key and value are whatever bytes the consumer gave up on. */
  payload: ValidateFunction | null;
}

/** `#/components/messages/<id>` of each channel's message, by the channel's address (topic). */
function messagesByTopic(document: Json): Map<string, string> {
  const byTopic = new Map<string, string>();
  const channels = isObject(document.channels) ? document.channels : {};
  for (const channel of Object.values(channels)) {
    if (!isObject(channel) || typeof channel.address !== 'string') continue;
    const [message] = Object.values(isObject(channel.messages) ? channel.messages : {});
    const ref = isObject(message) ? message.$ref : undefined;
    if (typeof ref === 'string') byTopic.set(channel.address, ref.replace(/^#/, ''));
  }
  return byTopic;
}

function headerValues(headers: IHeaders = {}): Record<string, string | string[]> {
  const text = (value: Buffer | string) => (typeof value === 'string' ? value : value.toString());
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    values[name] = Array.isArray(value) ? value.map(text) : text(value);
  }
  return values;
}

function describe(part: string, error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'additionalProperties'
      ? `: ${String(params.additionalProperty)}`
      : error.keyword === 'const'
        ? `: ${JSON.stringify(params.allowedValue)}`
        : error.keyword === 'enum'
          ? `: ${JSON.stringify(params.allowedValues)}`
          : '';
  return `${part}${error.instancePath} ${error.message ?? 'is invalid'}${detail}`;
}

function problems(part: string, validate: ValidateFunction, data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((error) => describe(part, error));
}

/**
 * Checks messages read from Kafka against an AsyncAPI 3 document: the topic is a channel's
 * address, the value validates against that channel's message payload, the key against the
 * Kafka binding's key schema, and the headers against the message's headers (required ones
 * present). On a dead-letter channel (its headers require `dlq-error`) only the headers are
 * checked: key and value are the bytes the consumer gave up on.
 */
export function asyncApiMessageValidator(document: object): MessageValidator {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  const byTopic = messagesByTopic(document as Json);
  const compiled = new Map<string, CompiledMessage>();

  const compile = (pointer: string): CompiledMessage => {
    const message = pointer
      .split('/')
      .slice(1)
      .reduce<unknown>((node, name) => (isObject(node) ? node[name] : undefined), document);
    const at = (path: string) => ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}/${path}` });
    const headers = isObject(message) && isObject(message.headers) ? message.headers : {};
    const deadLetter =
      Array.isArray(headers.required) && headers.required.includes(EVENT_HEADERS.DLQ_ERROR);
    return {
      headers: at('headers'),
      key: deadLetter ? null : at('bindings/kafka/key'),
      payload: deadLetter ? null : at('payload'),
    };
  };

  return (topic, message) => {
    const pointer = byTopic.get(topic);
    if (!pointer) return [`topic ${topic} is not a channel of the AsyncAPI document`];
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = compile(pointer);
      compiled.set(pointer, validate);
    }
    const found = problems('headers', validate.headers, headerValues(message.headers));
    if (validate.key) {
      found.push(
        ...(message.key === null
          ? ['key is missing']
          : problems('key', validate.key, message.key.toString('utf8'))),
      );
    }
    if (validate.payload) {
      let value: unknown;
      try {
        value = JSON.parse(message.value?.toString('utf8') ?? '');
      } catch {
        return [...found, 'value is not JSON'];
      }
      found.push(...problems('value', validate.payload, value));
    }
    return found;
  };
}
