import type { BadInputCase } from '../../contact/badInput/corpus';
import { otherMessageCases } from './otherCases';
import { sendCases } from './sendCases';

/** The Message, Template and Channel bad-input corpus (the contact corpus's machinery runs it). */
export const messageBadInputCases: BadInputCase[] = [...sendCases, ...otherMessageCases];

export const messageCaseRows = messageBadInputCases.map((badCase) => [badCase.title, badCase] as const);
