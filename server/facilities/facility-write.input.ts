import { Field, InputType, Int } from 'type-graphql';
import { GraphQLDate } from 'graphql-scalars';
import { PointInput } from '../graphql/geo.input';
import { FacilityService, FacilityType, HospitalGrade, OperatorType } from './facility-kind';

/** Fields an institution's own staff (OPERATOR) may change. */
export const OPERATOR_FIELDS = [
  'feeMinMonthly',
  'feeMaxMonthly',
  'services',
  'openingHours',
  'phone',
] as const;

/** Changes to a facility; only the fields given are changed. */
@InputType({
  description:
    'Changes to a facility; fields left out stay as they are. OPERATOR: fees, services, hours, phone.',
})
export class FacilityUpdateInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => FacilityType, { nullable: true })
  type?: FacilityType | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  openingHours?: string | null;

  @Field(() => OperatorType, { nullable: true })
  operatorType?: OperatorType | null;

  @Field(() => [FacilityService], { nullable: true })
  services?: FacilityService[] | null;

  @Field(() => Int, { nullable: true })
  feeMinMonthly?: number | null;

  @Field(() => Int, { nullable: true })
  feeMaxMonthly?: number | null;

  @Field(() => Int, { nullable: true })
  totalBeds?: number | null;

  @Field(() => Int, { nullable: true })
  nursingBeds?: number | null;

  @Field(() => Int, { nullable: true })
  dementiaBeds?: number | null;

  @Field(() => Int, { nullable: true })
  residents?: number | null;

  @Field(() => Boolean, { nullable: true })
  hasRehabRoom?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  hasInhouseMedical?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  ltcInsurance?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  medicalInsurance?: boolean | null;

  @Field(() => Int, { nullable: true })
  starRating?: number | null;

  @Field(() => HospitalGrade, { nullable: true })
  hospitalGrade?: HospitalGrade | null;

  @Field(() => PointInput, { nullable: true, description: 'New location (WGS84).' })
  location?: PointInput | null;

  @Field(() => GraphQLDate, { nullable: true })
  verifiedOn?: string | null;
}

/** A new facility. */
@InputType({ description: 'A new facility (ADMIN).' })
export class FacilityCreateInput extends FacilityUpdateInput {
  @Field(() => String)
  declare name: string;

  @Field(() => FacilityType)
  declare type: FacilityType;

  @Field(() => PointInput)
  declare location: PointInput;

  @Field(() => Int, { nullable: true })
  vacantBeds?: number | null;

  @Field(() => String, { description: 'Where the record comes from (institution, system, survey).' })
  source!: string;
}
