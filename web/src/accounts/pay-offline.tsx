// What an abonent can do when the supplier takes no online payment and has given no bank details for a QR code:
// pay by the paper receipt, and the supplier's own contacts to ask where (shown only when the supplier gave them).
import { Show, type Component } from 'solid-js';
import { hasSupplierContacts, SupplierContacts } from '../shared/supplier-contacts';

export interface OfflineSupplier {
  name: string;
  support: { phone?: string | null; email?: string | null; website?: string | null };
}

export const PayOffline: Component<{ supplier: OfflineSupplier }> = (props) => {
  const contacts = () => props.supplier.support;
  const hasContacts = () => hasSupplierContacts(contacts());
  return (
    <div class="pay-offline" data-testid="pay-offline">
      <h3>Как оплатить</h3>
      <p>
        {props.supplier.name} пока не принимает оплату в Личном кабинете и не передал реквизиты для QR-кода. Оплатите по
        бумажной квитанции поставщика в отделении банка или почты: реквизиты и сумма напечатаны на ней.
      </p>
      <Show
        when={hasContacts()}
        fallback={
          <p>Квитанции нет под рукой — обратитесь в абонентский отдел поставщика: там назовут реквизиты и сумму.</p>
        }
      >
        <p>Квитанции нет под рукой — поставщик назовёт реквизиты и сумму:</p>
        <SupplierContacts contacts={contacts()} class="pay-offline-contacts" />
      </Show>
    </div>
  );
};
