// The topic a record lands in, computed from a connector config the way Kafka Connect and
// Debezium compute it: the outbox EventRouter routes by a column value through a Java regex
// (RegexRouter semantics: the whole value must match, else it is kept as it is), then any
// RegexRouter / ToLogicalTopicRouter (ByLogicalTableRouter) transforms rewrite the topic in chain order.

export type ConnectorConfig = Record<string, unknown>;

const EVENT_ROUTER = 'io.debezium.transforms.outbox.EventRouter';
const REGEX_ROUTER = 'org.apache.kafka.connect.transforms.RegexRouter';
// ToLogicalTopicRouter is the 3.7 name of ByLogicalTableRouter (the old name is deprecated).
const TABLE_ROUTERS = new Set(['io.debezium.transforms.ByLogicalTableRouter', 'io.debezium.transforms.ToLogicalTopicRouter']);

export const EVENT_ROUTER_DEFAULTS = {
  regex: '(?<routedByValue>.*)',
  replacement: 'outbox.event.${routedByValue}',
};

export function transformNames(config: ConnectorConfig): string[] {
  const list = config.transforms;
  return typeof list === 'string' ? list.split(',').map((name) => name.trim()).filter(Boolean) : [];
}

/** Java's Matcher.replaceFirst on a full match: `$1` and `${name}` refer to groups. */
export function javaRegexReplace(regex: string, replacement: string, input: string): string {
  const pattern = new RegExp(`^(?:${regex})$`, 'u');
  const match = pattern.exec(input);
  if (!match) return input;
  return replacement.replace(/\$\{(\w+)\}|\$(\d+)|\\(.)/g, (_, name: string | undefined, index: string | undefined, escaped: string | undefined) => {
    if (escaped !== undefined) return escaped;
    if (name !== undefined) {
      const value = match.groups?.[name];
      if (value === undefined) throw new Error(`replacement ${replacement} names group "${name}" that ${regex} does not define`);
      return value;
    }
    return match[Number(index)] ?? '';
  });
}

/**
 * `input` is the outbox routing value (aggregatetype) when the chain has an EventRouter,
 * otherwise the record's original topic.
 */
export function routeTopic(config: ConnectorConfig, input: string): string {
  let topic = input;
  for (const name of transformNames(config)) {
    const option = (key: string) => config[`transforms.${name}.${key}`] as string | undefined;
    const type = option('type');
    if (type === EVENT_ROUTER) {
      topic = javaRegexReplace(option('route.topic.regex') ?? EVENT_ROUTER_DEFAULTS.regex, option('route.topic.replacement') ?? EVENT_ROUTER_DEFAULTS.replacement, topic);
    } else if (type === REGEX_ROUTER) {
      const regex = option('regex');
      const replacement = option('replacement');
      if (regex === undefined || replacement === undefined) throw new Error(`transforms.${name} (RegexRouter) needs regex and replacement`);
      topic = javaRegexReplace(regex, replacement, topic);
    } else if (type !== undefined && TABLE_ROUTERS.has(type)) {
      const regex = option('topic.regex');
      const replacement = option('topic.replacement');
      if (regex === undefined || replacement === undefined) throw new Error(`transforms.${name} (${type}) needs topic.regex and topic.replacement`);
      topic = javaRegexReplace(regex, replacement, topic);
    }
  }
  return topic;
}

/** `routes="Order=outbox.event.Order, Customer=outbox.event.Customer"` */
export function parseRoutes(value: string): { input: string; topic: string }[] {
  return value.split(',').map((pair) => {
    const [input, topic, ...rest] = pair.split('=').map((part) => part.trim());
    if (!input || !topic || rest.length > 0) throw new Error(`routes entry "${pair.trim()}" should be input=topic`);
    return { input, topic };
  });
}
