export * from './asyncapi-document';
export * from './asyncapi-messages';
export * from './asyncapi-operations';
