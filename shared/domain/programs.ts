/**
 * 书记跟班 (shadowBatch / shadowPlacement), 智库结对 (expert / mentorPair),
 * 村居结对 (villagePair). Owned by the programs feature; see issue 6.
 */
export interface ShadowBatch { id: string; createdAt: string; updatedAt: string; deletedAt?: string; [k: string]: unknown }
export interface ShadowPlacement { id: string; createdAt: string; updatedAt: string; deletedAt?: string; cadreId: string; start: string; end: string; status: string; [k: string]: unknown }
export interface Expert { id: string; createdAt: string; updatedAt: string; deletedAt?: string; [k: string]: unknown }
export interface MentorPair { id: string; createdAt: string; updatedAt: string; deletedAt?: string; [k: string]: unknown }
export interface VillagePair { id: string; createdAt: string; updatedAt: string; deletedAt?: string; [k: string]: unknown }
