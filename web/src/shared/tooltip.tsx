// A «?» hint next to a field: a button whose text shows on hover and on keyboard focus, and is read as its description.
import { createEffect, createSignal, onCleanup, untrack, type Component } from 'solid-js';

/** The gap kept between a hint and the screen's edges, px. */
const EDGE = 8;

export const Tooltip: Component<{ id: string; text: string; label?: string }> = (props) => {
  const [open, setOpen] = createSignal(false);
  const [shift, setShift] = createSignal(0);
  let wrapper: HTMLSpanElement | undefined;
  let bubble: HTMLSpanElement | undefined;

  // Centred over the «?» unless that runs off the screen (a «?» near a phone's edge): then moved back inside.
  createEffect(() => {
    if (!open() || !bubble) return;
    const box = bubble.getBoundingClientRect();
    const current = untrack(shift);
    // Where it would stand centred, without the shift it has now.
    const left = box.left - current;
    const right = box.right - current;
    const limit = document.documentElement.clientWidth - EDGE;
    if (left < EDGE) setShift(EDGE - left);
    else if (right > limit) setShift(Math.max(limit - right, EDGE - left));
    else setShift(0);
  });

  // Escape hides the hint without moving focus (WCAG 1.4.13: dismissible).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open()) {
      event.stopPropagation();
      setOpen(false);
    }
  };
  // A touch screen has no hover: a tap shows the hint, a tap elsewhere hides it.
  const onDocumentPointerDown = (event: PointerEvent) => {
    if (wrapper && !wrapper.contains(event.target as Node)) setOpen(false);
  };
  document.addEventListener('pointerdown', onDocumentPointerDown);
  onCleanup(() => document.removeEventListener('pointerdown', onDocumentPointerDown));

  return (
    <span ref={wrapper} class="tooltip" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        class="tooltip-button"
        aria-label={props.label ?? 'Подсказка'}
        aria-describedby={props.id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
      >
        ?
      </button>
      <span
        ref={bubble}
        id={props.id}
        role="tooltip"
        class="tooltip-text"
        classList={{ 'is-open': open() }}
        style={{ transform: `translateX(calc(-50% + ${shift()}px))` }}
      >
        {props.text}
      </span>
    </span>
  );
};
