// A «?» hint next to a field: a button whose text shows on hover and on keyboard focus, and is read as its description.
import { createSignal, onCleanup, type Component } from 'solid-js';

export const Tooltip: Component<{ id: string; text: string; label?: string }> = (props) => {
  const [open, setOpen] = createSignal(false);
  let wrapper: HTMLSpanElement | undefined;

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
      <span id={props.id} role="tooltip" class="tooltip-text" classList={{ 'is-open': open() }}>
        {props.text}
      </span>
    </span>
  );
};
