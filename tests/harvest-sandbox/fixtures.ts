import type { SandboxCredential } from './types';

export const ALL_SCOPES = [
  'harvest:candidates:list',
  'harvest:candidates:create',
  'harvest:candidates:update',
  'harvest:applications:create',
  'harvest:applications:list',
  'harvest:attachments:create',
  'harvest:attachments:list',
  'harvest:notes:create',
  'harvest:notes:list',
  'harvest:candidate_employments:create',
  'harvest:candidate_employments:list',
  'harvest:candidate_educations:create',
  'harvest:jobs:list',
  'harvest:users:list',
  'harvest:sources:list',
  'harvest:custom_field_options:list',
  'harvest:candidates:destroy',
];

/** The ready demo credential with every scope the extension uses. */
export const DEMO_CREDENTIAL: SandboxCredential = {
  clientId: 'demo-client-id',
  clientSecret: 'demo-client-secret',
  scopes: ALL_SCOPES,
};

export const SERVICE_USER_ID = 4000;
export const ADMIN_USER_ID = 4001;
export const RECRUITER_USER_ID = 4002;

export interface SeedUser {
  id: number;
  first_name: string | null;
  last_name: string | null;
  primary_email: string;
  site_admin: boolean;
  job_title: string | null;
}
export const SEED_USERS: SeedUser[] = [
  {
    id: SERVICE_USER_ID,
    first_name: 'Integration',
    last_name: 'Service User',
    primary_email: '',
    site_admin: true,
    job_title: null,
  },
  {
    id: ADMIN_USER_ID,
    first_name: 'Avery',
    last_name: 'Admin',
    primary_email: 'avery.admin@example.com',
    site_admin: true,
    job_title: 'Head of Talent',
  },
  {
    id: RECRUITER_USER_ID,
    first_name: 'Rita',
    last_name: 'Recruiter',
    primary_email: 'rita.recruiter@example.com',
    site_admin: false,
    job_title: 'Recruiter',
  },
];

export interface SeedJob {
  id: number;
  name: string;
  requisition_id: string | null;
  status: 'open' | 'closed' | 'draft';
}
export const SEED_JOBS: SeedJob[] = [
  { id: 5001, name: 'Senior Backend Engineer', requisition_id: 'ENG-101', status: 'open' },
  { id: 5002, name: 'Product Designer', requisition_id: 'DES-7', status: 'open' },
  { id: 5003, name: 'Account Executive', requisition_id: null, status: 'open' },
  { id: 5004, name: 'Data Scientist', requisition_id: 'DS-3', status: 'closed' },
  { id: 5005, name: 'Staff Site Reliability Engineer', requisition_id: 'ENG-140', status: 'draft' },
];

export const SEED_SOURCES = [
  { id: 6001, name: 'Pin', type: { id: 1, name: 'Prospecting' } },
  { id: 6002, name: 'LinkedIn (Prospecting)', type: { id: 1, name: 'Prospecting' } },
  { id: 6003, name: 'Referral', type: { id: 2, name: 'Referrals' } },
];

export const SEED_CUSTOM_FIELD_OPTIONS: {
  key: 'school_name' | 'degree' | 'discipline';
  custom_field_id: number;
  names: string[];
}[] = [
  {
    key: 'school_name',
    custom_field_id: 7001,
    names: [
      'Massachusetts Institute of Technology',
      'Stanford University',
      'Universidad de Buenos Aires',
      'University of Tokyo',
    ],
  },
  {
    key: 'degree',
    custom_field_id: 7002,
    names: ["Bachelor's Degree", "Master's Degree", 'Doctor of Philosophy (Ph.D.)'],
  },
  {
    key: 'discipline',
    custom_field_id: 7003,
    names: ['Computer Science', 'Mathematics', 'Design', 'Economics'],
  },
];
