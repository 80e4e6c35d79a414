import type { Routing } from '../model/decision.js';
import type { Student } from '../model/studentCase.js';
import type { RoutingTarget } from './catalog.js';

/**
 * Where a step goes. Social services and the home municipality are found from
 * the child's residence (domain.md §2.1: "där barnet bor"), never from the
 * school. With protected identity nothing is routed by address: the step says
 * `manual`.
 *
 * @param target - the catalog's routing target
 * @param student - the student
 * @returns routing data
 * @example routeStep('socialtjanst', student) // { target: 'socialtjanst', municipalityCode: '0180', district: 'Skarpnäck' }
 */
export function routeStep(target: RoutingTarget, student: Student): Routing {
  if (target === 'vardnadshavare' || target === 'huvudman' || target === 'csn') return { target };
  if (student.protectedIdentity) return { target: 'manual', for: target, reason: 'protected-identity' };
  const residence = student.residence;
  if (residence === undefined) return { target: 'manual', for: target, reason: 'residence-unknown' };
  if (target === 'hemkommun') return { target, municipalityCode: residence.municipalityCode };
  return { target, municipalityCode: residence.municipalityCode, district: residence.district ?? null };
}
