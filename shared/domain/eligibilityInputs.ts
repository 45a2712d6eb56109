/**
 * The facts a 跨村任职 eligibility check read, as they are stored in a candidate's snapshot
 * (`EligibilitySnapshot.inputs`). They are stored data, so they live with the domain; the rules
 * that read them are in shared/rules/eligibility.ts.
 */
import type { Settings } from './settings.js';

export type EligibilityThresholds = Settings['eligibility'];

export interface KinEntry {
  /** 配偶 / 直系血亲 / … for the relation list; the 称谓 (妻子, 兄…) for 家庭成员. */
  relation: string;
  name: string;
  idNumber: string;
  cadreId?: string;
  source: '关系名单' | '家庭成员';
}

export interface VillageFacts {
  id: string;
  name: string;
  townCode: string;
  strength: string;
  demonstration: string | null;
  weakLax: { year: number; status: string } | null;
}

export interface CandidateFacts {
  cadreId: string;
  name: string;
  idNumber: string;
  birth: string;
  politicalStatus: string;
  partyJoinDate: string;
  education: string;
  villageWorkSince: string;
  villagePost: string;
  assessments: { year: number; grade: string }[];
  negativeFlags: { kind: string; date: string; source: string; note: string }[];
  kin: KinEntry[];
  village: VillageFacts | null;
}

export interface CommitteeMember {
  cadreId: string;
  name: string;
  idNumber: string;
  post: string;
  kin: KinEntry[];
}

export interface Commitment {
  /** 跨村任职 = appointed elsewhere; 跨村任职候选 = still in another pilot's process. */
  kind: '跨村任职' | '跨村任职候选' | '书记跟班';
  label: string;
  start: string;
  end: string; // '' = open-ended
  status: string;
}

export interface EligibilityInputs {
  ruleVersion: string;
  referenceDate: string; // YYYY.MM.DD
  thresholds: EligibilityThresholds;
  candidate: CandidateFacts;
  target: {
    pilotId: string;
    villageId: string;
    villageName: string;
    townCode: string;
    post: string;
    periodStart: string;
    periodEnd: string;
    committee: CommitteeMember[];
  };
  commitments: Commitment[];
}
