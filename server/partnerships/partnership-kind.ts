/** Services a medical institution gives a care institution under a pairing (004). */
export const PartnershipService = {
  ROUNDS: 'ROUNDS',
  FOLLOW_UP: 'FOLLOW_UP',
  TCM: 'TCM',
  TELEMEDICINE: 'TELEMEDICINE',
  HOME_CHECKUP: 'HOME_CHECKUP',
} as const;
export type PartnershipService = (typeof PartnershipService)[keyof typeof PartnershipService];
