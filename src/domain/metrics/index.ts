/**
 * Tracking figures of a program year (PRODUCT.md §6), from the database alone: participating
 * branches and coverage against the target, "四个一" completion, hours this week and in total,
 * silent branches, pending reviews, members with no participation, deadlines per branch, and
 * the whole year's record by college and branch (the export's summary sheets).
 */
export { branchFigures, fourDone, type BranchFigures, type FourItem } from './branches.js';
export { collegeView, coverage, priorityCountyPairings, programYearById, schoolOverview, type CollegeBranch, type CollegeSummary, type CollegeView, type Coverage, type Overview } from './colleges.js';
export { deadlinesByBranch, type BranchDeadlines } from './deadlines.js';
export { idleMembers, membershipByBranch } from './members.js';
export { allColleges, mayViewCollege, resolveCollege, type CollegeRef } from './scope.js';
export { metricsWindow, type MetricsWindow } from './window.js';
export { organisationCounts, type OrganisationCounts } from './organisations.js';
export { yearRecord, type YearTotals } from './year.js';
