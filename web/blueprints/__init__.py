"""One blueprint per actor: auth, beranda (the landing page), operator; pegawai, penilai and
dinas follow as their journeys are built. Views load → check → act → respond."""
