import { z } from 'zod';

// API schemas of general meetings of owners (/api/v1/org/meetings…, /api/v1/me/meetings…).

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
  message: 'expected a local date-time of the house, e.g. 2026-12-01T09:00',
});

export const decisionRule = z
  .enum(['participants_majority', 'all_majority', 'two_thirds_all'])
  .describe("ст. 46 ч. 1 ЖК РФ: majority of participants' votes; > 50% of all votes; ≥ 2/3 of all votes");
export const meetingForm = z.enum(['in_person', 'ballots', 'mixed', 'electronic']);
export const meetingStatus = z.enum(['draft', 'announced', 'closed', 'cancelled']);
export const answer = z.enum(['for', 'against', 'abstain']).describe('за / против / воздержался');

export const registerImport = z.object({
  owners: z
    .array(
      z.object({
        premiseNumber: z.string().min(1).max(20),
        lastName: z.string().trim().min(1).max(200),
        firstName: z.string().trim().max(200).nullish(),
        middleName: z.string().trim().max(200).nullish(),
        shareNumerator: z.number().int().min(1).max(1_000_000),
        shareDenominator: z.number().int().min(1).max(1_000_000),
        titleDocument: z.string().max(200).nullish(),
        personId: z.uuid().nullish(),
      }),
    )
    .min(1)
    .max(20_000),
});

export const registerOwner = z.object({
  id: z.uuid(),
  premiseId: z.uuid(),
  premiseNumber: z.string(),
  area: z.string(),
  lastName: z.string(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  shareNumerator: z.number().int(),
  shareDenominator: z.number().int(),
  titleDocument: z.string().nullable(),
  personId: z.uuid().nullable(),
  source: z.enum(['accounts', 'import']),
  votes: z.string().describe('m², 4 places'),
  votesExact: z.string().describe('exact fraction of m²'),
  percentOfAll: z.string(),
});

export const registerResponse = z.object({
  houseId: z.uuid(),
  premises: z.number().int(),
  totalVotes: z.string(),
  owners: z.array(registerOwner),
});

export const reconciliationResponse = z.object({
  houseId: z.uuid(),
  owners: z.number().int(),
  premises: z.number().int(),
  mismatches: z.array(z.object({ kind: z.string() }).loose()),
});

export const newMeeting = z.object({
  houseId: z.uuid(),
  title: z.string().trim().min(1).max(300),
  form: meetingForm,
  initiator: z.discriminatedUnion('type', [
    z.object({ type: z.literal('organisation') }),
    z.object({ type: z.literal('owner'), ownerId: z.uuid().describe('owner register entry id') }),
  ]),
  administratorName: z.string().trim().min(1).max(300).optional(),
  chairName: z.string().trim().max(300).nullish(),
  secretaryName: z.string().trim().max(300).nullish(),
  counterNames: z.array(z.string().trim().min(1).max(300)).max(10).optional(),
  place: z.string().trim().min(1).max(500),
  materialsInfo: z.string().trim().min(1).max(2000).describe('how owners can see the materials'),
  inPersonAt: localDateTime.nullish(),
  votingStartsAt: localDateTime,
  votingEndsAt: localDateTime,
  questions: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(1000),
        proposal: z.string().max(5000).optional(),
        rule: decisionRule
          .optional()
          .describe(
            "default: the catalogue question's rule, else participants_majority; never weaker than the catalogue's",
          ),
        catalogueKey: z
          .string()
          .max(60)
          .optional()
          .describe('the common question it was taken from (GET /api/v1/org/meetings/agenda-catalogue)'),
      }),
    )
    .min(1)
    .max(100),
});

export const votingSystem = z
  .enum(['state-system', 'regional-system'])
  .describe(
    'Where meetings are voted (ЖК РФ ст. 47.1, 463-ФЗ): `state-system` — in the state system (ГИС ЖКХ), the hub places the notice, paper decisions and protocol there and reads decisions and results back; `regional-system` — in the hub as the region’s designated system, its protocol sent as another system’s. The notice always goes to the state system.',
  );

export const meetingSettings = z.object({
  votingSystem,
  regionalSystemName: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .nullable()
    .describe('the regional system’s name (regional-system)'),
  regionalSystemUrl: z.url().max(2000).nullable().describe('its address on the Internet (regional-system)'),
  orgRootGuid: z
    .uuid()
    .nullable()
    .describe(
      'the organisation’s orgRootEntityGUID in the state system’s register of organisations (initiator, administrator)',
    ),
});

const votes = z.object({
  hub: z.string().describe('the hub’s exact count, m² (4 places)'),
  hubExact: z.string(),
  stateSystem: z.string().nullable().describe('as the state system states it'),
  difference: z.string().nullable().describe('hub − state system, m²'),
});

export const stateSystemComparison = z
  .object({
    matches: z.boolean().optional(),
    quorum: z.object({ hub: z.boolean(), stateSystem: z.boolean(), matches: z.boolean() }).optional(),
    questions: z
      .array(
        z.object({
          number: z.number().int(),
          for: votes,
          against: votes,
          abstain: votes,
          adopted: z.object({ hub: z.boolean(), stateSystem: z.boolean().nullable(), matches: z.boolean() }),
          matches: z.boolean(),
        }),
      )
      .optional(),
    unmatchedDecisions: z
      .array(z.string())
      .optional()
      .describe('decisions read back whose owner is not in the register frozen at notice'),
  })
  .describe('the hub’s exact tally against the state system’s result (state-system mode)');

const syncStatus = z.enum(['pending', 'sending', 'sent', 'accepted', 'rejected', 'dead']).nullable();

export const meetingStateSystem = z.object({
  votingSystem: votingSystem
    .nullable()
    .describe('fixed at notice; null: announced before the choice, voted in the hub'),
  voteUrl: z.string().nullable().describe('where owners vote (state-system mode)'),
  noticeStatus: syncStatus.describe('the notice in the state system (importVotingMessage)'),
  noticeGuid: z.uuid().nullable(),
  protocolNumber: z
    .string()
    .nullable()
    .describe('the identifier the state system gave the notice: the protocol’s number'),
  decisionsReadAt: z.string().nullable(),
  protocolGuid: z.uuid().nullable(),
  protocolStatus: syncStatus.describe('the protocol placed (importVotingProtocol / importExternalVotingProtocol)'),
  result: z
    .object({
      protocolNumber: z.string().nullable(),
      quorum: z.boolean(),
      status: z.string(),
      questions: z.array(
        z.object({
          number: z.number().int(),
          agree: z.string().nullable(),
          against: z.string().nullable(),
          abstain: z.string().nullable(),
          adopted: z.boolean().nullable(),
        }),
      ),
    })
    .nullable()
    .describe('the result as the state system’s protocol states it'),
  comparison: stateSystemComparison.nullable(),
});

export const meetingResponse = z.object({
  id: z.uuid(),
  houseId: z.uuid(),
  houseAddress: z.string(),
  timezone: z.string(),
  number: z.string(),
  title: z.string(),
  form: meetingForm,
  status: meetingStatus,
  initiator: z.object({ type: z.enum(['organisation', 'owner']), ownerId: z.uuid().nullable(), name: z.string() }),
  administratorName: z.string(),
  chairName: z.string().nullable(),
  secretaryName: z.string().nullable(),
  counterNames: z.array(z.string()),
  place: z.string(),
  materialsInfo: z.string(),
  inPersonAt: z.string().nullable(),
  votingStartsAt: z.string(),
  votingEndsAt: z.string(),
  announcedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  protocolSha256: z.string().nullable(),
  stateSystem: meetingStateSystem,
  questions: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      title: z.string(),
      proposal: z.string(),
      rule: decisionRule,
      catalogueKey: z.string().nullable(),
      basis: z.string().nullable().describe("the legal basis of a catalogue question's rule"),
    }),
  ),
  materials: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      fileId: z.uuid(),
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
    }),
  ),
});

const amount = z.object({
  votes: z.string(),
  exact: z.string(),
  percentOfParticipants: z.string(),
  percentOfAll: z.string(),
});
export const questionResult = z.object({
  questionId: z.uuid(),
  rule: decisionRule,
  for: amount,
  against: amount,
  abstain: amount,
  adopted: z.boolean(),
});

export const turnoutResponse = z.object({
  meetingId: z.uuid(),
  status: z.string(),
  owners: z.number().int(),
  ballots: z.number().int(),
  totalVotes: z.string(),
  participatingVotes: z.string(),
  participatingPercent: z.string(),
  quorumReached: z.boolean(),
  votingEndsAt: z.string(),
  results: z
    .array(questionResult)
    .nullable()
    .describe('null until the meeting closes unless MEETING_LIVE_RESULTS is on'),
});

export const ballotAnswers = z
  .array(z.object({ questionId: z.uuid(), answer }))
  .min(1)
  .max(100);

export const castBallot = z.object({
  ownerId: z.uuid().optional().describe('which of your register entries votes; needed only when you vote for several'),
  answers: ballotAnswers,
});

export const paperBallot = z.object({
  ownerId: z.uuid(),
  titleRegisteredOn: z.iso
    .date()
    .optional()
    .describe('date of the title’s state registration as the ballot states it; required in state-system mode'),
  voterName: z.string().trim().min(1).max(300).optional(),
  proxyId: z.uuid().optional(),
  snils: z.string().max(20).optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  answers: z
    .array(z.object({ questionId: z.uuid(), answer: z.enum(['for', 'against', 'abstain', 'invalid']) }))
    .min(1)
    .max(100),
});

export const ballotResponse = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  ownerId: z.uuid(),
  votes: z.string().describe('exact fraction of m² the ballot carries'),
  castAt: z.string(),
  channel: z.enum(['electronic', 'paper', 'state_system']),
  scanFileId: z.uuid().optional(),
});

export const myOwner = z.object({
  ownerId: z.uuid(),
  premiseNumber: z.string(),
  share: z.string(),
  votes: z.string(),
  asRepresentative: z.boolean(),
  voted: z.boolean(),
  castAt: z.string().nullable(),
});

export const myMeetingSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  houseId: z.uuid(),
  houseAddress: z.string(),
  form: meetingForm,
  status: z.string(),
  votingSystem: votingSystem.nullable(),
  votingOpen: z.boolean().describe('false in a meeting held in the state system: owners vote there'),
  votingStartsAt: z.string(),
  votingEndsAt: z.string(),
  myOwners: z.array(myOwner),
});

export const myMeeting = meetingResponse.extend({
  votingOpen: z.boolean(),
  myOwners: z.array(myOwner),
  results: z.unknown().nullable(),
});

export const proxyResponse = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  representativePersonId: z.uuid().nullable().optional(),
  representativeName: z.string().optional(),
  fileId: z.uuid(),
  status: z.enum(['pending', 'accepted', 'rejected']),
  note: z.string().nullable().optional(),
  reviewedAt: z.string().nullable().optional(),
  createdAt: z.string(),
});

export const protocolResponse = z.object({
  sha256: z.string().describe('SHA-256 of the canonical JSON (keys sorted, no whitespace) of `protocol`'),
  pdfFileId: z.uuid(),
  protocol: z.record(z.string(), z.unknown()),
});

export const agendaCatalogueResponse = z.object({
  items: z.array(
    z.object({ key: z.string(), title: z.string(), proposal: z.string(), rule: decisionRule, basis: z.string() }),
  ),
});

export const meetingListQuery = z.object({ houseId: z.uuid().optional(), status: meetingStatus.optional() });
export const cancelResult = z.object({ id: z.uuid(), status: z.literal('cancelled') });
export const inlineQuery = z.object({
  inline: z.enum(['1', 'true']).optional().describe('open a PDF or an image in the browser instead of downloading it'),
});

export const meetingParams = z.object({ id: z.uuid() });
export const houseParams = z.object({ houseId: z.uuid() });
export const proxyParams = z.object({ id: z.uuid(), proxyId: z.uuid() });
export const materialParams = z.object({ id: z.uuid(), materialId: z.uuid() });
export const meetingFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const registerImportResult = z.object({ imported: z.number().int() });
export const registerBuildResult = z.object({ touched: z.number().int() });

export const announceResult = z.object({ newsId: z.uuid(), owners: z.number().int(), emailed: z.number().int() });

/** An owner of the register as frozen at notice, with the votes they carry. */
export const meetingOwner = z.object({
  id: z.uuid(),
  premiseNumber: z.string(),
  lastName: z.string(),
  firstName: z.string().nullable(),
  middleName: z.string().nullable(),
  shareNumerator: z.number(),
  shareDenominator: z.number(),
  titleDocument: z.string().nullable(),
  votes: z.string(),
});

/** A ballot as the organisation sees it; the SNILS is never returned, only whether one was given. */
export const orgBallot = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  channel: z.string(),
  voterName: z.string(),
  titleDocument: z.string().nullable(),
  proxyId: z.uuid().nullable(),
  votes: z.string(),
  castAt: z.string(),
  scanFileId: z.uuid().nullable(),
  hasSnils: z.boolean(),
  answers: z.record(z.string(), z.string()),
});

export const proxyDecision = z.object({ accepted: z.boolean(), note: z.string().max(1000).nullish() });
export const proxyDecisionResult = z.object({ id: z.uuid(), status: z.string() });

export const closeResult = z.object({
  closed: z.boolean(),
  sha256: z.string().nullable(),
  waitingFor: z
    .literal('state_system')
    .optional()
    .describe('the decisions and result are being read from the state system; the meeting closes once they are in'),
});
