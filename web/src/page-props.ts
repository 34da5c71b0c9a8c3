/**
 * The props every screen of a region receives from the app shell.
 */
import type { PlanSummary, User } from './api.js';

/** Props of a region's screen: the signed-in user and the plan of the region shown. */
export interface RegionPageProps {
  user: User;
  plan: PlanSummary;
}
