import { z } from 'zod';
import { GENDERS, MEMBER_STATUSES, POSITIONS, ROLES, UNION_ROLES } from './enums.js';
import { normalizePhone } from './names.js';

/** Calendar date as the API carries it: "2024-09-05". */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'Ngày không hợp lệ')
  // Years outside 1900–2100 are typing mistakes here (and year 0 does not exist in PostgreSQL).
  .refine((value) => value >= '1900-01-01' && value <= '2100-12-31', 'Ngày phải trong khoảng năm 1900–2100');

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
};

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(
      z.object({
        field: z.string(),
        message: z.string(),
        row: z.number().optional(),
        column: z.string().optional(),
      }),
    ),
  }),
});

// ---------- auth ----------
export const loginBody = z.object({
  login: z.string().trim().min(1, 'Nhập e-mail hoặc số điện thoại').max(254),
  password: z.string().min(1, 'Nhập mật khẩu').max(256),
});

export const roleGrant = z.object({
  role: z.enum(ROLES),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
});

export const abilities = z.object({
  manageUnits: z.boolean(),
  manageMembers: z.boolean(),
  manageAccounts: z.boolean(),
  viewAudit: z.boolean(),
  importMembers: z.boolean(),
});

export const meResponse = z.object({
  account: z.object({
    id: z.number(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    memberId: z.number().nullable(),
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(roleGrant),
  /** Units the actor may browse from: the roots of their part of the tree. */
  homeUnitIds: z.array(z.number()),
  abilities,
  csrfToken: z.string(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().max(256),
});

// ---------- units ----------
export const unitKind = z.object({ id: z.number(), code: z.string(), name: z.string(), sortOrder: z.number() });
export const createUnitKindBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,40}$/u, 'Mã chỉ gồm chữ thường không dấu, số và dấu gạch dưới'),
  name: z.string().trim().min(2).max(120),
  sortOrder: z.number().int().min(0).max(1000).default(100),
});

export const unitSummary = z.object({
  id: z.number(),
  name: z.string(),
  kindId: z.number(),
  kindName: z.string(),
  parentId: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  mergedIntoId: z.number().nullable(),
  childCount: z.number(),
  memberCount: z.number(),
});

export const unitDetail = unitSummary.extend({
  ancestors: z.array(z.object({ id: z.number(), name: z.string() })),
  children: z.array(unitSummary),
  abilities: z.object({ edit: z.boolean(), manageMembers: z.boolean(), viewContacts: z.boolean() }),
});

export const unitTreeNode: z.ZodType<UnitTreeNode> = z.lazy(() =>
  unitSummary.extend({ children: z.array(unitTreeNode) }),
);
export type UnitTreeNode = z.infer<typeof unitSummary> & { children: UnitTreeNode[] };

export const unitTreeQuery = z.object({ at: isoDate.optional() });

export const createUnitBody = z.object({
  name: z.string().trim().min(2, 'Tên đơn vị cần ít nhất 2 ký tự').max(200),
  kindId: z.number().int().positive(),
  parentId: z.number().int().positive(),
  validFrom: isoDate,
});
export const renameUnitBody = z.object({
  name: z.string().trim().min(2, 'Tên đơn vị cần ít nhất 2 ký tự').max(200),
  effectiveDate: isoDate,
});
export const moveUnitBody = z.object({ parentId: z.number().int().positive(), effectiveDate: isoDate });
export const mergeUnitBody = z.object({ intoUnitId: z.number().int().positive(), effectiveDate: isoDate });
export const dissolveUnitBody = z.object({ effectiveDate: isoDate });

export const unitHistoryEntry = z.object({
  name: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

// ---------- members ----------
/** Accepts "+84 912-345-678", "0912.345.678"…; carries the normalised "0912345678". */
export const phoneSchema = z
  .string()
  .trim()
  .max(20)
  .transform(normalizePhone)
  .pipe(z.string().regex(/^0\d{9,10}$/u, 'Số điện thoại không hợp lệ (ví dụ 0912345678)'));
const phone = phoneSchema;
const email = z.string().trim().toLowerCase().email('E-mail không hợp lệ').max(254);

export const memberInput = z.object({
  fullName: z.string().trim().min(2, 'Họ và tên cần ít nhất 2 ký tự').max(120),
  gender: z.enum(GENDERS),
  birthDate: isoDate.nullable().optional(),
  position: z.enum(POSITIONS),
  unionRole: z.enum(UNION_ROLES),
  isKeyOfficial: z.boolean().optional(),
  unionJoinedOn: isoDate.nullable().optional(),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
});
export const createMemberBody = memberInput.extend({
  unitId: z.number().int().positive(),
  joinedUnitOn: isoDate,
});
export const updateMemberBody = memberInput.partial();
export const transferMemberBody = z.object({ toUnitId: z.number().int().positive(), effectiveDate: isoDate });
export const memberStatusBody = z.object({
  status: z.enum(MEMBER_STATUSES),
  effectiveDate: isoDate,
  note: z.string().trim().max(500).optional(),
});

export const memberListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unionRole: z.enum(UNION_ROLES).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  keyOfficial: z.enum(['true', 'false']).optional(),
  subtree: z.enum(['true', 'false']).default('true'),
  sort: z.enum(['name', '-name', 'unit', 'joined', '-joined']).default('name'),
  ...pageQuery,
});

export const memberView = z.object({
  id: z.number(),
  fullName: z.string(),
  gender: z.enum(GENDERS),
  position: z.enum(POSITIONS),
  unionRole: z.enum(UNION_ROLES),
  isKeyOfficial: z.boolean(),
  status: z.enum(MEMBER_STATUSES),
  unitId: z.number(),
  unitName: z.string(),
  /** Since when the member belongs to their current unit. */
  joinedUnitOn: z.string(),
  /** Contact and personal details are null unless the viewer manages the member's unit (or is the member). */
  birthDate: z.string().nullable(),
  unionJoinedOn: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export const memberPage = z.object({
  items: z.array(memberView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const memberHistory = z.object({
  memberships: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      endReason: z.string().nullable(),
    }),
  ),
  statuses: z.array(z.object({ status: z.enum(MEMBER_STATUSES), validFrom: z.string(), note: z.string().nullable() })),
});

export const importResult = z.object({ created: z.number(), unitId: z.number() });

// ---------- accounts ----------
export const accountView = z.object({
  id: z.number(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  memberId: z.number().nullable(),
  roles: z.array(roleGrant),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export const createAccountBody = z
  .object({
    displayName: z.string().trim().min(2).max(120),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    memberId: z.number().int().positive().nullable().optional(),
    role: z.enum(ROLES),
    unitId: z.number().int().positive().nullable(),
  })
  .refine((v) => Boolean(v.email || v.phone), {
    message: 'Cần e-mail hoặc số điện thoại để đăng nhập',
    path: ['email'],
  });
export const updateAccountBody = z.object({
  disabled: z.boolean().optional(),
  role: z.enum(ROLES).optional(),
  unitId: z.number().int().positive().nullable().optional(),
});
export const temporaryPasswordResponse = z.object({ account: accountView, temporaryPassword: z.string() });
export const accountListQuery = z.object({ q: z.string().trim().max(100).optional(), ...pageQuery });

// ---------- audit ----------
export const auditQuery = z.object({
  action: z.string().max(60).optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.coerce.number().int().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
export const auditEvent = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.number().nullable(),
  unitId: z.number().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export const auditPage = z.object({
  items: z.array(auditEvent),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export type MeResponse = z.infer<typeof meResponse>;
export type UnitSummary = z.infer<typeof unitSummary>;
export type UnitDetail = z.infer<typeof unitDetail>;
export type MemberView = z.infer<typeof memberView>;
export type MemberPage = z.infer<typeof memberPage>;
export type MemberInput = z.infer<typeof memberInput>;
export type AccountView = z.infer<typeof accountView>;
export type AuditEvent = z.infer<typeof auditEvent>;
