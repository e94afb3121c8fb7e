import type { Activity } from '../../model/course.js';
import type { RuntimeActivity } from '../../shared/course-data.js';
import type { RenderContext } from '../render-context.js';

/**
 * How one activity kind becomes page markup and runtime data. One module per kind,
 * listed in ./index.ts; the kind's partial is `templates/partials/<partial>.hbs`.
 */
export interface ActivityRenderer<A extends Activity = Activity> {
  kind: A['kind'];
  partial: string;
  /** The data its partial draws. */
  view(activity: A, ctx: RenderContext): object;
  /** What the browser runtime needs to track it (src/shared/course-data.ts). */
  runtime(activity: A, ctx: RenderContext): RuntimeActivity;
}
