/** 跨村任职: crossPilot (target village + post) and crossCandidate (a nominee's path). See issue 7. */
export interface CrossPilot { id: string; createdAt: string; updatedAt: string; deletedAt?: string; [k: string]: unknown }
export interface CrossCandidate { id: string; createdAt: string; updatedAt: string; deletedAt?: string; cadreId: string; pilotId: string; [k: string]: unknown }
