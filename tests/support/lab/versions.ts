// The versions the lab runs, read from labs/runtime/pom.xml: the pom is the one place they
// are set, so what a run prints is what Maven resolved. Pure: parsing only.

export interface LabVersions {
  kafka: string;
  debezium: string;
  debeziumScripting: string;
  groovy: string;
}

const PROPERTIES: Record<keyof LabVersions, string> = {
  kafka: 'kafka.version',
  debezium: 'debezium.version',
  debeziumScripting: 'debezium.scripting.version',
  groovy: 'groovy.version',
};

export function parseLabVersions(pom: string, file = 'labs/runtime/pom.xml'): LabVersions {
  const read = (name: string): string => {
    const match = new RegExp(`<${name.replace(/\./g, '\\.')}>([^<]+)</`).exec(pom);
    if (!match) throw new Error(`${file}: property <${name}> is missing; the lab runtime needs it to know which jars to use`);
    return match[1]!.trim();
  };
  return Object.fromEntries(Object.entries(PROPERTIES).map(([key, name]) => [key, read(name)])) as unknown as LabVersions;
}

export function describeVersions(v: LabVersions): string {
  const scripting = v.debeziumScripting === v.debezium ? '' : `, scripting SMTs ${v.debeziumScripting} with Groovy ${v.groovy}`;
  return `Kafka ${v.kafka} (KRaft), Debezium ${v.debezium}${scripting}`;
}
