// A click on a control below the Briefing's parts that are laid out only as they come near the screen
// (`content-visibility: auto` in style/main.css): those parts take their real size in the frame after a
// jump to the control, so a click that jumped and pressed at once could press on the control and be let
// go over whatever moved under the pointer. Scrolled to first, the click's own check that its target
// stands still comes after they have taken their size, as a person's tap would.
import type { Locator } from '@playwright/test';

export async function clickBelowTheFold(control: Locator): Promise<void> {
  await control.scrollIntoViewIfNeeded();
  await control.click();
}
