"""The SOP's life: draft, verifikasi, ujicoba, disahkan, revisi."""
