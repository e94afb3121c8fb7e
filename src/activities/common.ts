/** Fields and helpers several activity kinds share. */
import { Type, type Static } from '@sinclair/typebox';
import type { ActivityBase, Attachment } from '../model/course.js';
import type { LoadContext, NodeRef } from '../load/context.js';
import { AttachmentSchema, Id, Text } from '../schema/common.js';

/** `id` and `title`, first in every activity. */
export const activityBaseProperties = {
  id: Id('Activity id, unique across the whole course (steps and activities).', ['typologie-video']),
  title: Text('Title shown to the learner.', ['Présentation de la typologie des partenariats']),
};

export function activityBaseToModel(raw: { id: string; title: string }, node: NodeRef): ActivityBase {
  return { id: raw.id, title: raw.title, loc: node.loc() };
}

export function AttachmentList(description: string) {
  return Type.Array(AttachmentSchema, { description, default: [] });
}

export function attachmentsToModel(
  raw: Static<typeof AttachmentSchema>[] | undefined,
  node: NodeRef,
  ctx: LoadContext,
): Attachment[] {
  return (raw ?? []).map((attachment, index) => ({
    title: attachment.title,
    file: ctx.asset(attachment.src, node.at(index, 'src'), 'attachment'),
    loc: node.at(index).loc(),
  }));
}
