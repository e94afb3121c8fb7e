/**
 * Named font stacks a theme may ask for: fonts already installed on learners' devices, so a
 * package carries no font file (stacks after modernfontstacks.com, CC0). The first is the default.
 */
export const FONT_STACKS = {
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  humanist: 'Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif',
  geometric: 'Avenir, Montserrat, Corbel, "URW Gothic", source-sans-pro, sans-serif',
  rounded: 'ui-rounded, "Hiragino Maru Gothic ProN", Quicksand, Comfortaa, Manjari, "Arial Rounded MT", Calibri, source-sans-pro, sans-serif',
  serif: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, "Noto Serif", serif',
} as const;

export type FontStackName = keyof typeof FONT_STACKS;
export const FONT_STACK_NAMES = Object.keys(FONT_STACKS) as [FontStackName, ...FontStackName[]];
