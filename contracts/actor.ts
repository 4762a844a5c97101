// Who acts: the vocabulary of the audit log and of every change an organisation makes.

/** A person signed in (a resident, staff member or operator) or an organisation's API client. */
export type ActorType = 'person' | 'api_client';

/** What the audit log records as the actor: also the system itself (jobs, sign-in flows before a person is known). */
export type AuditActorType = ActorType | 'system';

/** An organisation acting: through a staff member (`actorId` is the person) or an API client (the client). */
export interface Actor {
  organisationId: string;
  actorType: ActorType;
  actorId: string;
  /** A staff member limited to some houses acts on those only; null or absent: every house. */
  houseIds?: string[] | null;
}

/** Whether the actor may act on an object of this house: staff limited to some houses only on those. */
export const coversHouse = (actor: Actor, houseId: string | null | undefined) =>
  !actor.houseIds || (!!houseId && actor.houseIds.includes(houseId));
