/** Suggestions for the watched profiles / regions pickers: the profiles main found, and every region they or AgentCore use. */
import type { DataSource } from '../../../../shared/contract';
import type { ProfilesList } from '../../../../shared/profiles';

/** Regions where Bedrock AgentCore is offered (AWS regional availability, 2026); a typed region still works. */
export const agentCoreRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-north-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-northeast-2',
] as const;

export function knownChoices(profiles: ProfilesList | undefined, source: DataSource | undefined): { profiles: string[]; regions: string[] } {
  const profileNames = new Set<string>(profiles?.profiles.map((p) => p.name) ?? []);
  if (source?.kind === 'aws') source.profiles.forEach((p) => profileNames.add(p));
  // Regions the user's own profiles point at come first: they are the likely picks.
  const own = new Set<string>();
  profiles?.profiles.forEach((p) => p.region && own.add(p.region));
  source?.regions.forEach((r) => own.add(r));
  const rest = agentCoreRegions.filter((r) => !own.has(r));
  return { profiles: [...profileNames].sort(), regions: [...[...own].sort(), ...rest] };
}
