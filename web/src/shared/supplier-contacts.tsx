// A supplier's contacts as links (call, write, visit): where an abonent is told to turn to the supplier.
import { Show, type Component } from 'solid-js';

export interface SupplierContactDetails {
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  address?: string | null;
}

/** Whether the supplier gave any contact to show. */
export function hasSupplierContacts(contacts: SupplierContactDetails | null | undefined): boolean {
  return Boolean(contacts && (contacts.phone || contacts.email || contacts.website || contacts.address));
}

export const SupplierContacts: Component<{ contacts: SupplierContactDetails; class: string; label?: string }> = (
  props,
) => (
  <ul class={props.class} aria-label={props.label}>
    <Show when={props.contacts.phone}>
      {(phone) => (
        <li>
          Телефон: <a href={`tel:${phone().replace(/[^\d+]/g, '')}`}>{phone()}</a>
        </li>
      )}
    </Show>
    <Show when={props.contacts.email}>
      {(email) => (
        <li>
          Эл. почта: <a href={`mailto:${email()}`}>{email()}</a>
        </li>
      )}
    </Show>
    <Show when={props.contacts.address}>{(address) => <li>Адрес: {address()}</li>}</Show>
    <Show when={props.contacts.website}>
      {(website) => (
        <li>
          Сайт: <a href={website()}>{website()}</a>
        </li>
      )}
    </Show>
  </ul>
);
