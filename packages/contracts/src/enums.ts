/** Values stored in the database; their labels live in the web app's locale files. */
export const ROLES = ['system_admin', 'unit_admin', 'unit_editor', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const GENDERS = ['male', 'female', 'other'] as const;
export type Gender = (typeof GENDERS)[number];

export const POSITIONS = ['teacher', 'staff', 'manager', 'lecturer', 'contract_worker', 'other'] as const;
export type Position = (typeof POSITIONS)[number];

/** Union roles; the ones marked key make a cán bộ công đoàn chủ chốt by default. */
export const UNION_ROLES = [
  'chair',
  'vice_chair',
  'committee_member',
  'inspection_chair',
  'group_leader',
  'member',
] as const;
export type UnionRole = (typeof UNION_ROLES)[number];
export const KEY_UNION_ROLES: readonly UnionRole[] = ['chair', 'vice_chair', 'committee_member', 'inspection_chair'];

export const MEMBER_STATUSES = ['active', 'transferred', 'retired', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const ACTIVITY_CATEGORIES = [
  'study',
  'training',
  'law_outreach',
  'culture_arts',
  'sports',
  'festival',
  'workers_month',
  'support_visit',
  'other',
] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];

/** The most topic documents (tài liệu chủ đề) one activity lists; here so the web app has it at run time. */
export const MAX_TOPIC_DOCUMENTS = 20;

export const TARGET_MEASURES = ['coverage', 'count', 'evaluation_share'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];
export const TARGET_POPULATIONS = ['all_members', 'key_officials', 'units', 'families'] as const;
export type TargetPopulation = (typeof TARGET_POPULATIONS)[number];
export const TARGET_ORGANISERS = ['issuer', 'subtree'] as const;
export type TargetOrganiser = (typeof TARGET_ORGANISERS)[number];
export const PERIOD_KINDS = ['year', 'term', 'cycle2', 'cycle5'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
/** đạt / đang thực hiện / có nguy cơ / không đạt */
export const TARGET_STATUSES = ['met', 'on_track', 'at_risk', 'missed'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const PLAN_STATUSES = ['draft', 'issued'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const ATTENDANCE_SOURCES = ['roster', 'checkin', 'import', 'contest'] as const;

/** Vietnamese labels, used by the server for messages and for .xlsx files. */
export const VI_LABELS = {
  gender: { male: 'Nam', female: 'Nữ', other: 'Khác' },
  position: {
    teacher: 'Giáo viên',
    staff: 'Nhân viên',
    manager: 'Cán bộ quản lý',
    lecturer: 'Giảng viên',
    contract_worker: 'Người lao động hợp đồng',
    other: 'Khác',
  },
  unionRole: {
    chair: 'Chủ tịch',
    vice_chair: 'Phó Chủ tịch',
    committee_member: 'Ủy viên BCH',
    inspection_chair: 'Chủ nhiệm UBKT',
    group_leader: 'Tổ trưởng công đoàn',
    member: 'Đoàn viên',
  },
  status: { active: 'Đang sinh hoạt', transferred: 'Chuyển công tác', retired: 'Nghỉ hưu', left: 'Thôi sinh hoạt' },
  activityCategory: {
    study: 'Học tập, quán triệt nghị quyết, chỉ thị, pháp luật',
    training: 'Tập huấn nghiệp vụ',
    law_outreach: 'Tuyên truyền pháp luật',
    culture_arts: 'Văn hóa, văn nghệ',
    sports: 'Thể thao',
    festival: 'Hội diễn',
    workers_month: 'Tháng Công nhân',
    support_visit: 'Thăm hỏi, hỗ trợ',
    other: 'Khác',
  },
  targetStatus: { met: 'Đạt', on_track: 'Đang thực hiện', at_risk: 'Có nguy cơ', missed: 'Không đạt' },
  role: {
    system_admin: 'Quản trị hệ thống',
    unit_admin: 'Quản trị đơn vị',
    unit_editor: 'Biên tập viên đơn vị',
    member: 'Đoàn viên',
  },
} as const;
