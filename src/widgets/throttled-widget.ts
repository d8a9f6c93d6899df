// A widget whose render trains or sweeps: it redraws at most once per animation frame, so a dragged
// slider never queues up one heavy run per input event. Subclasses that hold more resources extend
// disconnectedCallback and call super first.
import { WidgetBase } from "./base";
import type { Schema } from "./state";

/** WidgetBase with update() coalesced to one render per frame; leaving the page cancels a pending one. */
export abstract class ThrottledWidget<S extends Schema> extends WidgetBase<S> {
  private frame = 0;

  protected update(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      super.update();
    });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
}
