// Typed wrappers around the Tauri commands: one function per command.
// Argument keys are camelCase here; Tauri 2 maps them to the Rust parameters' snake_case names
// (e.g. `skipBad` -> `skip_bad`). The payload objects themselves (inputs, queries) keep the
// snake_case field names of types.ts.
import { invoke } from '@tauri-apps/api/core';
import type { BookKind, PreviewPage, PrintRequest, Printout } from './types';
import type { CountyImported, CountyStats, Drive, ExportLogEntry, Exported, ExportOptions, PackageManifest } from './types';
import type {
  AppInfo, BackupContents, BackupInfo, Constituency, ConstituencyInput, Deputy, DeputyDetail, DeputyEvent,
  DeputyEventInput, DeputyGroup, DeputyGroupInput, DeputyInput, DeputyQuery, ExportResult,
  HistoryEntry, Id, ImportPreview, ImportResult, IsoDate, LiaisonStation, LiaisonStationInput, Page,
  PresidiumPost, PresidiumPostInput, RosterOrder, RosterStats, Settings, Term, TermInput, Vocabulary,
} from './types';
import type { CopyStatus } from './types';
import type {
  AssignmentInput, Dashboard, HandlingUnit, HandlingUnitInput, Petition, PetitionDetail,
  PetitionIdentity, PetitionInput, PetitionProbe, PetitionQuery, PetitionStats, PetitionStepInput,
  ProfileSwitchPreview, RuleProfile, RuleProfileSummary, SimilarPetition, StatsQuery, Suggestion,
  SuggestionDetail, SuggestionInput, SuggestionQuery, SuggestionStats, SuggestionStepInput,
} from './types';
import type { ArchiveInput, Document, DocumentDetail, DocumentInput, DocumentQuery, DocumentReadInput } from './types';
import type { Deed, DeedDetail, DeedInput, DeedQuery, DutyRecord } from './types';
import type {
  ActivityDetail, ActivityInput, ActivityMember, ActivityQuery, Attachment, AttachmentEntity, GroupActivity,
  MeetingDetail, MeetingDraft, MeetingInput, MeetingQuery, OpinionSource, PresidiumMeeting, QuarterGap,
  Suggestion as SuggestionT, SuggestionInput as SuggestionInputT, Petition as PetitionT, PetitionInput as PetitionInputT,
} from './types';
import type {
  CongressSession, SessionChecks, SessionDetail, SessionDraft, SessionInput, SessionQuery, SessionRef,
} from './types';
import type {
  AssessmentInput, DutyCounts, DutyInput, DutyReport, DutyReportDetail, DutyReportInput, DutyReportQuery,
  EvaluationDetail, EvaluationEvent, EvaluationEventInput, EvaluationQuery, Rectification, RectificationDetail,
  RectificationInput, RectificationQuery, RectificationReportInput, ReportOwed, RotaDay, RotaInput, RotaQuery,
  SupervisionStats,
} from './types';
import type {
  EvaluationInput, LateMilestone, LivelihoodProject, MilestoneInput, ProjectDetail, ProjectInput, ProjectQuery, ReportInput,
  VoteInput,
} from './types';

export const appInfo = () => invoke<AppInfo>('app_info');
export const vocabulary = () => invoke<Vocabulary>('vocabulary');

export const settingsGet = () => invoke<Settings>('settings_get');
export const settingsSave = (settings: Settings) => invoke<Settings>('settings_save', { settings });

export const termsList = () => invoke<Term[]>('terms_list');
export const termCreate = (input: TermInput) => invoke<Term>('term_create', { input });

export const constituenciesList = () => invoke<Constituency[]>('constituencies_list');
export const constituencyCreate = (input: ConstituencyInput) =>
  invoke<Constituency>('constituency_create', { input });
export const constituencyUpdate = (id: Id, input: ConstituencyInput) =>
  invoke<Constituency>('constituency_update', { id, input });

export const stationsList = () => invoke<LiaisonStation[]>('stations_list');
export const stationCreate = (input: LiaisonStationInput) =>
  invoke<LiaisonStation>('station_create', { input });
export const stationUpdate = (id: Id, input: LiaisonStationInput) =>
  invoke<LiaisonStation>('station_update', { id, input });

export const groupsList = () => invoke<DeputyGroup[]>('groups_list');
export const groupCreate = (input: DeputyGroupInput) => invoke<DeputyGroup>('group_create', { input });
export const groupUpdate = (id: Id, input: DeputyGroupInput) =>
  invoke<DeputyGroup>('group_update', { id, input });

export const deputiesList = (query: DeputyQuery) => invoke<Page<Deputy>>('deputies_list', { query });
export const deputyGet = (id: Id) => invoke<DeputyDetail>('deputy_get', { id });
export const deputyCreate = (input: DeputyInput) => invoke<Deputy>('deputy_create', { input });
export const deputyUpdate = (id: Id, input: DeputyInput) => invoke<Deputy>('deputy_update', { id, input });
export const deputyVoid = (id: Id, reason: string) => invoke<Deputy>('deputy_void', { id, reason });
export const deputyRevealId = (id: Id) => invoke<string>('deputy_reveal_id', { id });

export const deputyEventAdd = (input: DeputyEventInput) =>
  invoke<DeputyEvent>('deputy_event_add', { input });
export const deputyEventVoid = (id: Id, reason: string) =>
  invoke<DeputyEvent>('deputy_event_void', { id, reason });

export const presidiumPostAdd = (input: PresidiumPostInput) =>
  invoke<PresidiumPost>('presidium_post_add', { input });
export const presidiumPostEnd = (id: Id, date: IsoDate) =>
  invoke<PresidiumPost>('presidium_post_end', { id, date });

export const rosterStats = (on: IsoDate | null, term: Id | null) =>
  invoke<RosterStats>('roster_stats', { on, term });

export const historyList = (entity: string | null, id: Id | null, page: number) =>
  invoke<Page<HistoryEntry>>('history_list', { entity, id, page });

export const rosterImportPreview = (path: string, term: Id | null) =>
  invoke<ImportPreview>('roster_import_preview', { path, term });
export const rosterImportCommit = (path: string, term: Id | null, skipBad: boolean) =>
  invoke<ImportResult>('roster_import_commit', { path, term, skipBad });
export const rosterExport = (path: string, order: RosterOrder) =>
  invoke<ExportResult>('roster_export', { path, order });

export const backupNow = () => invoke<BackupInfo>('backup_now');
/** All backups in the app's backups folder, newest first. */
export const backupsList = () => invoke<BackupInfo[]>('backups_list');
/** What a backup file holds (its date, entries per book, last change); checked and read only, nothing changed. */
export const backupContents = (path: string) => invoke<BackupContents>('backup_contents', { path });
/**
 * Replaces the data with the backup at `path`. The data before it is kept first as a backup of its own:
 * that one is returned (null when there was no data file to keep). Errors: 'import' (not one of this
 * app's backups, damaged, incomplete) or 'schema_too_new'.
 */
export const backupRestore = (path: string) => invoke<BackupInfo | null>('backup_restore', { path });
/** The second place backups are copied to (设置 → 备份位置) and how the copying goes. */
export const backupCopyStatus = () => invoke<CopyStatus>('backup_copy_status');
/** Chooses that place ("" for none); the core checks the folder and copies once at once.
 * Errors: validation, field 'backup_copy_dir' (no such folder, or the app's own backups folder). */
export const backupCopyDirSet = (dir: string) => invoke<CopyStatus>('backup_copy_dir_set', { dir });

// ---- casework: handling units, rule profiles, suggestions, petitions, follow-up, statistics ----
// `today` is never sent: the app uses the office PC's date.

export const unitsList = (includeInactive: boolean) =>
  invoke<HandlingUnit[]>('handling_units_list', { includeInactive });
export const unitCreate = (input: HandlingUnitInput) => invoke<HandlingUnit>('handling_unit_create', { input });
export const unitUpdate = (id: Id, input: HandlingUnitInput) =>
  invoke<HandlingUnit>('handling_unit_update', { id, input });

export const ruleProfiles = () => invoke<RuleProfileSummary[]>('rule_profiles');
export const ruleProfileGet = (id: string | null) => invoke<RuleProfile>('rule_profile_get', { id });
export const ruleProfilePreview = (id: string, applyToOpen: boolean) =>
  invoke<ProfileSwitchPreview>('rule_profile_preview', { id, applyToOpen });
/** Switches the office's profile; with applyToOpen, open cases move to it too (their due dates change as previewed). */
export const ruleProfileSwitch = (id: string, applyToOpen: boolean) =>
  invoke<ProfileSwitchPreview>('rule_profile_switch', { id, applyToOpen });

export const suggestionsList = (query: SuggestionQuery) =>
  invoke<Page<Suggestion>>('suggestions_list', { query });
export const suggestionGet = (id: Id) => invoke<SuggestionDetail>('suggestion_get', { id });
export const suggestionCreate = (input: SuggestionInput) => invoke<Suggestion>('suggestion_create', { input });
export const suggestionUpdate = (id: Id, input: SuggestionInput) =>
  invoke<Suggestion>('suggestion_update', { id, input });
export const suggestionVoid = (id: Id, reason: string) => invoke<Suggestion>('suggestion_void', { id, reason });
export const suggestionStep = (id: Id, step: SuggestionStepInput) =>
  invoke<SuggestionDetail>('suggestion_step', { id, step });
/** Session week: assign many in one transaction (all or nothing). */
export const suggestionsAssignMany = (date: IsoDate, assignments: AssignmentInput[]) =>
  invoke<Suggestion[]>('suggestions_assign_many', { date, assignments });
export const suggestionStepVoid = (stepId: Id, reason: string) =>
  invoke<SuggestionDetail>('suggestion_step_void', { stepId, reason });

export const petitionsList = (query: PetitionQuery) => invoke<Page<Petition>>('petitions_list', { query });
export const petitionGet = (id: Id) => invoke<PetitionDetail>('petition_get', { id });
export const petitionCreate = (input: PetitionInput) => invoke<Petition>('petition_create', { input });
export const petitionUpdate = (id: Id, input: PetitionInput) =>
  invoke<Petition>('petition_update', { id, input });
export const petitionVoid = (id: Id, reason: string) => invoke<Petition>('petition_void', { id, reason });
export const petitionStep = (id: Id, step: PetitionStepInput) =>
  invoke<PetitionDetail>('petition_step', { id, step });
export const petitionStepVoid = (stepId: Id, reason: string) =>
  invoke<PetitionDetail>('petition_step_void', { stepId, reason });
export const petitionsSimilar = (probe: PetitionProbe) =>
  invoke<SimilarPetition[]>('petitions_similar', { probe });
export const petitionLink = (id: Id, otherId: Id, note: string) =>
  invoke<PetitionDetail>('petition_link', { id, otherId, note });
/** Writes a history row (who looked, when, why). */
export const petitionReveal = (id: Id, reason: string) =>
  invoke<PetitionIdentity>('petition_reveal', { id, reason });

export const dashboard = (within: number) => invoke<Dashboard>('dashboard', { within });
export const suggestionStats = (query: StatsQuery) => invoke<SuggestionStats>('suggestion_stats', { query });
export const petitionStats = (query: StatsQuery) => invoke<PetitionStats>('petition_stats', { query });

// ---- document register (各级文件登记簿) ----
export const documentsList = (query: DocumentQuery) => invoke<Page<Document>>('documents_list', { query });
export const documentGet = (id: Id) => invoke<DocumentDetail>('document_get', { id });
/** Refused with code "conflict", field "doc_number", when the same issuer's same 文号 is registered already. */
export const documentCreate = (input: DocumentInput) => invoke<Document>('document_create', { input });
export const documentUpdate = (id: Id, input: DocumentInput) => invoke<Document>('document_update', { id, input });
export const documentVoid = (id: Id, reason: string) => invoke<Document>('document_void', { id, reason });
export const documentRead = (id: Id, input: DocumentReadInput) => invoke<DocumentDetail>('document_read', { id, input });
export const documentReadVoid = (readId: Id, reason: string) =>
  invoke<DocumentDetail>('document_read_void', { readId, reason });
export const documentArchive = (id: Id, input: ArchiveInput) => invoke<DocumentDetail>('document_archive', { id, input });

// ---- exemplary deeds (代表先进事迹记录簿) ----
export const deedsList = (query: DeedQuery) => invoke<Page<Deed>>('deeds_list', { query });
export const deedGet = (id: Id) => invoke<DeedDetail>('deed_get', { id });
export const deedCreate = (input: DeedInput) => invoke<Deed>('deed_create', { input });
export const deedUpdate = (id: Id, input: DeedInput) => invoke<Deed>('deed_update', { id, input });
export const deedVoid = (id: Id, reason: string) => invoke<Deed>('deed_void', { id, reason });
/** A prefilled DeedInput from a suggestion whose result was good (refused, code "invalid_transition", otherwise). */
export const deedDraftFromSuggestion = (suggestionId: Id) =>
  invoke<DeedInput>('deed_draft_from_suggestion', { suggestionId });

// ---- the deputy's duty record (履职档案); from/to default to the deputy's whole term ----
export const deputyRecord = (id: Id, from: IsoDate | null, to: IsoDate | null) =>
  invoke<DutyRecord>('deputy_record', { id, from, to });

// ---- presidium meetings (主席团会议记录簿) ----
export const meetingsList = (query: MeetingQuery) => invoke<Page<PresidiumMeeting>>('meetings_list', { query });
export const meetingGet = (id: Id) => invoke<MeetingDetail>('meeting_get', { id });
/** Members expected on `date`, the number the meeting will get, the chair as presider. */
export const meetingDraft = (date: IsoDate) => invoke<MeetingDraft>('meeting_draft', { date });
export const meetingCreate = (input: MeetingInput) => invoke<PresidiumMeeting>('meeting_create', { input });
export const meetingUpdate = (id: Id, input: MeetingInput) => invoke<PresidiumMeeting>('meeting_update', { id, input });
export const meetingVoid = (id: Id, reason: string) => invoke<PresidiumMeeting>('meeting_void', { id, reason });
/** Ended quarters of the term (default: current term) without a meeting. */
export const meetingGaps = (termId: Id | null) => invoke<QuarterGap[]>('meeting_gaps', { termId });

// ---- sessions of the township congress (人民代表大会会议记录簿) ----
export const sessionsList = (query: SessionQuery) => invoke<Page<CongressSession>>('sessions_list', { query });
/** The session, the suggestions registered during it (a count) and its history. */
export const sessionGet = (id: Id) => invoke<SessionDetail>('session_get', { id });
/** For a session opening on `date`: the number it will get, every deputy in office (all present), the rules. */
export const sessionDraft = (date: IsoDate) => invoke<SessionDraft>('session_draft', { date });
/** `input.attendance` lists only the exceptions (请假 with a reason, 缺席); everyone else was present. */
export const sessionCreate = (input: SessionInput) => invoke<CongressSession>('session_create', { input });
export const sessionUpdate = (id: Id, input: SessionInput) => invoke<CongressSession>('session_update', { id, input });
export const sessionVoid = (id: Id, reason: string) => invoke<CongressSession>('session_void', { id, reason });
/** The session running today, or null: a new suggestion then opens on 会议期间 under its number. */
export const sessionInProgress = () => invoke<SessionRef | null>('session_in_progress');
/** Deputies absent twice without approval (to propose a termination or dismiss) and ended years short of sessions. */
export const sessionChecks = () => invoke<SessionChecks>('session_checks');
/** 不提请: the clerk does not propose the termination; the reason is kept in the deputy's history. */
export const sessionDismissAbsence = (deputyId: Id, reason: string) =>
  invoke<void>('session_dismiss_absence', { deputyId, reason });

// ---- 民生实事项目 (livelihood projects voted by the deputies) ----
/** A year's list (`year`: its own candidates and those carried into it); amounts in yuan. */
export const projectsList = (query: ProjectQuery) => invoke<Page<LivelihoodProject>>('projects_list', { query });
export const projectGet = (id: Id) => invoke<ProjectDetail>('project_get', { id });
/** A candidate, numbered in its year by the core (民生实事〔2026〕第3号). */
export const projectCreate = (input: ProjectInput) => invoke<LivelihoodProject>('project_create', { input });
export const projectUpdate = (id: Id, input: ProjectInput) => invoke<LivelihoodProject>('project_update', { id, input });
/** The vote on a year's candidates at a session, all at once; the year's voted projects sorted by rank (adopted by the core). */
export const projectVote = (input: VoteInput) => invoke<LivelihoodProject[]>('project_vote', { input });
/** Sets one milestone (planned and/or actual date; 招投标: amount in yuan and the bidder in `note`) of an adopted project. */
export const projectMilestone = (id: Id, input: MilestoneInput) =>
  invoke<LivelihoodProject>('project_milestone', { id, input });
/** A progress report or a deputies' inspection (optionally the group activity it was). */
export const projectReport = (id: Id, input: ReportInput) => invoke<LivelihoodProject>('project_report', { id, input });
export const projectReportVoid = (reportId: Id, reason: string) =>
  invoke<LivelihoodProject>('project_report_void', { reportId, reason });
/** The deputies' year-end evaluation (满意, 基本满意, 不满意 counts). */
export const projectEvaluate = (id: Id, input: EvaluationInput) =>
  invoke<LivelihoodProject>('project_evaluate', { id, input });
/** An unfinished adopted project goes on next year's list. */
export const projectCarry = (id: Id) => invoke<LivelihoodProject>('project_carry', { id });
export const projectVoid = (id: Id, reason: string) => invoke<LivelihoodProject>('project_void', { id, reason });
/** Milestones of adopted projects planned before today and not reached, most late first (首页). */
export const projectsLate = () => invoke<LateMilestone[]>('projects_late');

// ---- 监督: 审议意见整改, 评议, 代表述职, 联络站值班 (supervision between sessions) ----
export const rectificationsList = (query: RectificationQuery) =>
  invoke<Page<Rectification>>('rectifications_list', { query });
export const rectificationGet = (id: Id) => invoke<RectificationDetail>('rectification_get', { id });
/** A review opinion sent to a unit (or an official); the report is due by the profile's period. */
export const rectificationCreate = (input: RectificationInput) =>
  invoke<Rectification>('rectification_create', { input });
/** The unit's rectification report for the round awaiting it (a late one is marked late). */
export const rectificationReport = (id: Id, input: RectificationReportInput) =>
  invoke<Rectification>('rectification_report', { id, input });
/** The presidium's assessment; 不满意 (dissatisfied) opens the next round. */
export const rectificationAssess = (id: Id, input: AssessmentInput) =>
  invoke<Rectification>('rectification_assess', { id, input });
export const rectificationVoid = (id: Id, reason: string) =>
  invoke<Rectification>('rectification_void', { id, reason });
export const evaluationsList = (query: EvaluationQuery) => invoke<Page<EvaluationEvent>>('evaluations_list', { query });
export const evaluationGet = (id: Id) => invoke<EvaluationDetail>('evaluation_get', { id });
/** Records an evaluation; objects over the threshold get a review opinion opened by the core. */
export const evaluationCreate = (input: EvaluationEventInput) => invoke<EvaluationEvent>('evaluation_create', { input });
/** Voids the evaluation and the review opinions it opened. */
export const evaluationVoid = (id: Id, reason: string) => invoke<EvaluationEvent>('evaluation_void', { id, reason });
export const dutyReportsList = (query: DutyReportQuery) => invoke<Page<DutyReport>>('duty_reports_list', { query });
export const dutyReportGet = (id: Id) => invoke<DutyReportDetail>('duty_report_get', { id });
export const dutyReportCreate = (input: DutyReportInput) => invoke<DutyReport>('duty_report_create', { input });
export const dutyReportVoid = (id: Id, reason: string) => invoke<DutyReport>('duty_report_void', { id, reason });
/** Deputies in office who have not yet reported to their voters as often as the profile asks this term. */
export const dutyReportsOwed = () => invoke<ReportOwed[]>('duty_reports_owed');
export const stationRota = (query: RotaQuery) => invoke<RotaDay[]>('station_rota', { query });
/** Sets who is on duty at a station on a day (deputies left out are taken off with the reason). */
export const stationRotaSet = (input: RotaInput) => invoke<RotaDay>('station_rota_set', { input });
/** Records a day's duty as an activity organised by the station (the rota's deputies expected). */
export const stationDuty = (input: DutyInput) => invoke<GroupActivity>('station_duty', { input });
export const stationDutyCounts = (from: IsoDate, to: IsoDate) => invoke<DutyCounts>('station_duty_counts', { from, to });
/** Supervision's figures for a period (办理统计); a bound left out is this year's: 1 January, today. */
export const supervisionStats = (from?: IsoDate | null, to?: IsoDate | null) =>
  invoke<SupervisionStats>('supervision_stats', { from: from ?? null, to: to ?? null });

// ---- group activities (代表小组活动记录簿) ----
export const activitiesList = (query: ActivityQuery) => invoke<Page<GroupActivity>>('activities_list', { query });
export const activityGet = (id: Id) => invoke<ActivityDetail>('activity_get', { id });
/** The group's members holding office on `date`, all marked present (the attendance checklist). */
export const activityMembers = (groupId: Id, date: IsoDate) =>
  invoke<ActivityMember[]>('activity_members', { groupId, date });
export const activityCreate = (input: ActivityInput) => invoke<GroupActivity>('activity_create', { input });
export const activityUpdate = (id: Id, input: ActivityInput) => invoke<GroupActivity>('activity_update', { id, input });
export const activityVoid = (id: Id, reason: string) => invoke<GroupActivity>('activity_void', { id, reason });
/** A SuggestionInput prefilled from an opinion (nothing written). Refused (conflict) if already turned. */
export const opinionSuggestionDraft = (opinionId: Id) =>
  invoke<SuggestionInputT>('opinion_suggestion_draft', { opinionId });
/** Registers the suggestion and links the opinion, in one transaction. */
export const opinionToSuggestion = (opinionId: Id, input: SuggestionInputT) =>
  invoke<SuggestionT>('opinion_to_suggestion', { opinionId, input });
export const opinionPetitionDraft = (opinionId: Id) =>
  invoke<PetitionInputT>('opinion_petition_draft', { opinionId });
export const opinionToPetition = (opinionId: Id, input: PetitionInputT) =>
  invoke<PetitionT>('opinion_to_petition', { opinionId, input });
/** The activity opinion a suggestion or petition came from, or null. */
export const opinionSource = (entity: 'suggestion' | 'petition', id: Id) =>
  invoke<OpinionSource | null>('opinion_source', { entity, id });

// ---- attachments (附件) ----
export const attachmentsList = (entity: AttachmentEntity, entityId: Id, includeVoided: boolean) =>
  invoke<Attachment[]>('attachments_list', { entity, entityId, includeVoided });
/** Copies the file at `path` (picked with the dialog plugin) into the data folder. */
export const attachmentAdd = (entity: AttachmentEntity, entityId: Id, path: string) =>
  invoke<Attachment>('attachment_add', { entity, entityId, path });
/** Opens the stored file with the system viewer (checked against its hash first). */
export const attachmentOpen = (id: Id) => invoke<void>('attachment_open', { id });
export const attachmentVoid = (id: Id, reason: string) => invoke<Attachment>('attachment_void', { id, reason });

// ---- printing (打印): the PDF is typeset by the core, the same bytes as `taizhang-cli print` ----
/** One page (1-based) of the preview; errors: validation (field 'reveal_reason', 'id', 'term'…) or 'print' (a glyph no font has). */
export const printPreview = (request: PrintRequest, page: number) =>
  invoke<PreviewPage>('print_preview', { request, page });
/** Every page, to lay out for window.print(). */
export const printPages = (request: PrintRequest) => invoke<PreviewPage[]>('print_pages', { request });
/** Writes the PDF to `path` (chosen with the dialog plugin's save()) and records the printout. */
export const printSave = (request: PrintRequest, path: string) => invoke<Printout>('print_save', { request, path });
/** Records a printout sent to the printer, after the system print dialog. */
export const printRecord = (request: PrintRequest) => invoke<Printout>('print_record', { request });
/**
 * Workflow 9, one book of the year-end set: the year's `book` as archival PDF (PDF/A) saved into
 * `folder` under the core's file name ("2026年 人民来信来访记录簿.pdf"), recorded like any save.
 * Called once per book so the screen can show progress; an existing file of that name is replaced.
 */
export const printYearBook = (year: number, book: BookKind, folder: string) =>
  invoke<Printout>('print_year_book', { year, book, folder });
export const printoutsList = (limit?: number) => invoke<Printout[]>('printouts_list', { limit: limit ?? null });

// ---- export to the county (导出到U盘) and county mode (县人大汇总) ----
/** Disks the app can see (removable first). */
export const exportDrives = () => invoke<Drive[]>('export_drives');
/** Writes a package into the folder `dest`, reads it back and checks every hash. Errors: validation
 * (field 'dest' when the folder is gone, 'to' for a bad period) or 'io' naming the file (a full or pulled stick). */
export const exportPackage = (dest: string, options: ExportOptions) =>
  invoke<Exported>('export_package', { dest, options });
export const exportsList = () => invoke<ExportLogEntry[]>('exports_list');
/** The county's check of a package folder alone (nothing imported). Errors: code 'import' with the reason. */
export const packageVerify = (path: string) => invoke<PackageManifest>('package_verify', { path });
/**
 * Verifies and imports one package folder; errors: 'import' (tampered, foreign, newer format) or 'conflict'
 * (older than the imported one; or, with field 'allow_removal', a full package that would remove records the
 * county holds: imported only when called again with allowRemoval true, after the clerk has confirmed).
 */
export const countyImport = (path: string, allowRemoval = false) =>
  invoke<CountyImported>('county_import', { path, allowRemoval });
export const countyStats = () => invoke<CountyStats>('county_stats');
