type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface DocumentedOperation {
  method: (typeof METHODS)[number];
  path: string;
  operation: Json;
}

/** The API's operations in an OpenAPI document (health, metrics and docs left out). */
export function apiOperations(document: object): DocumentedOperation[] {
  const paths = (document as { paths?: Json }).paths ?? {};
  return Object.entries(paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, item]) =>
      METHODS.flatMap((method) => {
        const operation = isObject(item) ? item[method] : undefined;
        return isObject(operation) ? [{ method, path, operation }] : [];
      }),
    );
}

/**
 * What is missing from each operation's success answers: none at all, a body schema (a `204`
 * has none), or a valid-request example for its JSON body. Empty when nothing is.
 */
export function undocumentedAnswers(document: object): string[] {
  return apiOperations(document).flatMap(({ method, path, operation }) => {
    const where = `${method.toUpperCase()} ${path}`;
    const responses = isObject(operation.responses) ? operation.responses : {};
    const successes = Object.entries(responses).filter(([code]) => code.startsWith('2'));
    const missing = successes.length === 0 ? [`${where}: no success answer`] : [];
    for (const [code, response] of successes) {
      const content = isObject(response) && isObject(response.content) ? response.content : {};
      const media = Object.values(content);
      if (code === '204' && media.length > 0) missing.push(`${where} → 204: a body`);
      if (code !== '204' && (media.length === 0 || !media.every((m) => isObject(m) && m.schema))) {
        missing.push(`${where} → ${code}: no schema`);
      }
    }
    if (isObject(operation.requestBody) && requestExamples(operation).length === 0) {
      missing.push(`${where}: no request body example`);
    }
    return missing;
  });
}

/** The example values of an operation's JSON request body. */
export function requestExamples(operation: Json): unknown[] {
  const body = isObject(operation.requestBody) ? operation.requestBody : {};
  const media = isObject(body.content) ? body.content['application/json'] : undefined;
  if (!isObject(media)) return [];
  const examples = isObject(media.examples) ? Object.values(media.examples) : [];
  return [
    ...('example' in media ? [media.example] : []),
    ...examples.flatMap((example) =>
      isObject(example) && 'value' in example ? [example.value] : [],
    ),
  ];
}

/** The examples of the JSON body of `method path`, to send as the requests they claim to be. */
export function bodyExamples(document: object, method: string, path: string): unknown[] {
  const found = apiOperations(document).find(
    (entry) => entry.method === method.toLowerCase() && entry.path === path,
  );
  return found ? requestExamples(found.operation) : [];
}
